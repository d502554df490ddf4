# Detecta backend: build the fat jar with Maven, run it on a slim Java 17 runtime as a non-root user.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
RUN mvn -B -q dependency:go-offline
COPY src ./src
COPY config ./config
# The build context has no .git: the commit comes in as a build argument so `detecta --version`, the registry's
# code version of every model and the served model metadata report it (BuildInfo).
ARG GIT_COMMIT=unknown
RUN mvn -B -q -DskipTests -Dgit.commit.id=${GIT_COMMIT} package

FROM eclipse-temurin:17-jre
RUN apt-get update && apt-get install -y --no-install-recommends curl libgomp1 && rm -rf /var/lib/apt/lists/* \
    && useradd --system --uid 10001 --home-dir /var/lib/detecta --create-home detecta
WORKDIR /opt/detecta
COPY --from=build /src/target/detecta.jar /opt/detecta/detecta.jar
COPY --from=build /src/config /opt/detecta/config
COPY deploy/detecta.sh /usr/local/bin/detecta
RUN chmod 0755 /usr/local/bin/detecta
USER detecta
ENV DETECTA_HOME=/var/lib/detecta/home \
    DETECTA_DATA=/var/lib/detecta/data \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75"
EXPOSE 5000
HEALTHCHECK --interval=10s --timeout=3s --start-period=60s --retries=3 \
  CMD curl -fsS http://127.0.0.1:5000/v2/health/ready || exit 1
ENTRYPOINT ["detecta"]
CMD ["serve", "--port", "5000"]
