# syntax=docker/dockerfile:1
# flowtrace in a container. Build:  docker build -t flowtrace .
#   (with a version: docker build --build-arg VERSION=$(git describe --tags --always --dirty) -t flowtrace .)
# Read a capture (no capability needed, --cap-drop ALL works):
#   docker run --rm -v "$PWD:/data:ro" flowtrace -r /data/trace.pcap
#   docker run -i --rm flowtrace -r - < trace.pcap       # stdin needs -i
# Capture live on the host's eth0 (CAP_NET_RAW, nothing else):
#   docker run --rm -it --net=host --cap-add NET_RAW flowtrace -i eth0
#
# Both stages are Debian 12 (bookworm), so the libpcap the binary is
# linked against at build time is the one it finds at run time. Pin by
# digest (image@sha256:...) for reproducible release builds.
ARG GO_IMAGE=golang:1.26-bookworm
ARG BASE_IMAGE=debian:12.11-slim

FROM ${GO_IMAGE} AS build
RUN apt-get update \
 && apt-get install -y --no-install-recommends libpcap-dev \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
# .git is not copied (.dockerignore): the version comes from VERSION, or
# --version says "(devel)".
ARG VERSION=
RUN CGO_ENABLED=1 go build -trimpath -buildvcs=false \
      -ldflags "-s -w${VERSION:+ -X main.version=${VERSION}}" \
      -o /out/flowtrace ./cmd/flowtrace \
 && /out/flowtrace --version

FROM ${BASE_IMAGE}
# A fixed uid, so Kubernetes' runAsNonRoot can check it.
RUN apt-get update \
 && apt-get install -y --no-install-recommends libpcap0.8 libcap2-bin \
 && useradd --system --uid 10001 --user-group --no-create-home --shell /usr/sbin/nologin flowtrace \
 && rm -rf /var/lib/apt/lists/*
COPY --from=build /out/flowtrace /usr/local/bin/flowtrace
# The file capability CAP_NET_RAW, in the permitted set only ("=p", not
# "=eip"). flowtrace makes it effective itself, and only while it opens
# an interface. Without the effective bit the kernel still runs the
# binary where the container may not hold CAP_NET_RAW (--cap-drop ALL,
# Podman's defaults, Kubernetes' drop: ALL), so -r works everywhere;
# with "=eip" it would refuse to exec it at all ("Operation not
# permitted", exit 126). CAP_NET_ADMIN is not needed: libpcap sets
# promiscuous mode through the packet socket.
RUN setcap cap_net_raw=p /usr/local/bin/flowtrace \
 && getcap /usr/local/bin/flowtrace | grep -q 'cap_net_raw=p$' \
 && apt-get purge -y --auto-remove libcap2-bin
USER 10001:10001
WORKDIR /data
ENTRYPOINT ["/usr/local/bin/flowtrace"]
CMD ["--help"]
