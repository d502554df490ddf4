#!/bin/sh
# Launcher inside the container image: the jar is prebuilt, so just run it. For `serve`, class-data sharing as in
# ./detecta: the first server of this image archives its classes on exit into the home's cache (a volume), later
# starts map them (≈ 20 % less CPU to ready); a missing or unusable archive is ignored (DETECTA_CDS=0: off).
JAR=/opt/detecta/detecta.jar
CDS_OPTS=""
if [ "$1" = serve ] && [ "${DETECTA_CDS:-1}" = 1 ] && [ -n "${DETECTA_HOME:-}" ] && mkdir -p "$DETECTA_HOME/cache" 2>/dev/null; then
  CDS="$DETECTA_HOME/cache/cds-$(stat -c %s-%Y "$JAR").jsa"
  if [ -s "$CDS" ]; then
    CDS_OPTS="-XX:SharedArchiveFile=$CDS -Xshare:auto -Xlog:cds=off -Xlog:cds+dynamic=off"
  else
    rm -f "$DETECTA_HOME"/cache/cds-*.jsa # archives of earlier images
    CDS_OPTS="-XX:ArchiveClassesAtExit=$CDS -Xlog:cds=off -Xlog:cds+dynamic=off"
  fi
fi
# shellcheck disable=SC2086
exec java ${DETECTA_JAVA_OPTS:--XX:+UseParallelGC} $CDS_OPTS -jar "$JAR" "$@"
