# syntax=docker/dockerfile:1
# flowtrace in a container. Build:   docker build -t flowtrace .
# Read a capture:  docker run --rm -v "$PWD:/data" flowtrace -r /data/trace.pcap
# Capture live on the host's eth0 (the process runs as user flowtrace; the
# binary's file capability gives it CAP_NET_RAW, which Docker must allow):
#   docker run --rm -it --net=host --cap-add NET_RAW --cap-add NET_ADMIN flowtrace -i eth0
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
 && apt-get install -y --no-install-recommends libpcap0.8 libcap2-bin \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --system --no-create-home --shell /usr/sbin/nologin flowtrace
COPY --from=build /out/flowtrace /usr/local/bin/flowtrace
# File capability for live capture as a non-root user. Only CAP_NET_RAW:
# on Linux, libpcap opens the packet socket and sets promiscuous mode
# through it with that alone. A binary whose file capabilities exceed what
# the container may hold cannot even be executed, so adding CAP_NET_ADMIN
# here would break "docker run flowtrace -r ..." without --cap-add.
RUN setcap cap_net_raw=eip /usr/local/bin/flowtrace
USER flowtrace
ENTRYPOINT ["/usr/local/bin/flowtrace"]
