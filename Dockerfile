# syntax=docker/dockerfile:1
# flowtrace in a container. Build:   docker build -t flowtrace .
# Read a capture:  docker run --rm -v "$PWD:/data" flowtrace -r /data/trace.pcap
FROM golang:1.26-bookworm AS build
RUN apt-get update \
 && apt-get install -y --no-install-recommends libpcap-dev \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
ARG VERSION=dev
RUN CGO_ENABLED=1 go build -trimpath -ldflags "-s -w -X main.version=${VERSION}" -o /out/flowtrace ./cmd/flowtrace

FROM debian:bookworm-slim
RUN apt-get update \
 && apt-get install -y --no-install-recommends libpcap0.8 \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --system --no-create-home --shell /usr/sbin/nologin flowtrace
COPY --from=build /out/flowtrace /usr/local/bin/flowtrace
USER flowtrace
ENTRYPOINT ["/usr/local/bin/flowtrace"]
