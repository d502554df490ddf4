#!/bin/sh
# Launcher inside the container image: the jar is prebuilt, so just run it.
exec java ${DETECTA_JAVA_OPTS:--XX:+UseParallelGC} -jar /opt/detecta/detecta.jar "$@"
