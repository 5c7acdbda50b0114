//go:build cgo

package capture

/*
#cgo LDFLAGS: -lpcap
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <pcap.h>

// ft_compile compiles expr for link type dlt into the caller's buffer:
// one cgo call per (expression, link type). It returns the number of
// instructions, or -1 with errbuf set, or -2 if cap is too small.
static int ft_compile(int dlt, int snaplen, const char *expr,
                      struct bpf_insn *out, int cap, char *errbuf, int errlen) {
	struct bpf_program prog;
	pcap_t *p = pcap_open_dead(dlt, snaplen);
	if (p == NULL) {
		snprintf(errbuf, errlen, "pcap_open_dead failed");
		return -1;
	}
	if (pcap_compile(p, &prog, expr, 1, PCAP_NETMASK_UNKNOWN) < 0) {
		snprintf(errbuf, errlen, "%s", pcap_geterr(p));
		pcap_close(p);
		return -1;
	}
	int n = prog.bf_len;
	if (n > cap) {
		n = -2;
	} else {
		memcpy(out, prog.bf_insns, n * sizeof(struct bpf_insn));
	}
	pcap_freecode(&prog);
	pcap_close(p);
	return n;
}
*/
import "C"

import (
	"fmt"
	"sync"
	"unsafe"
)

// pcap_compile is not thread-safe before libpcap 1.8.
var compileMu sync.Mutex

// compileBPF compiles a tcpdump filter expression for frames of link type
// link with libpcap, in one cgo call.
func compileBPF(expr string, link LinkType) ([]bpfInsn, error) {
	dlt := C.int(link)
	switch link {
	case LinkRaw, LinkRaw12, LinkRaw14:
		dlt = C.DLT_RAW // pcap_open_dead wants the platform's DLT_ value
	case LinkLoop:
		dlt = C.DLT_LOOP
	}
	cexpr := C.CString(expr)
	defer C.free(unsafe.Pointer(cexpr))
	var errbuf [C.PCAP_ERRBUF_SIZE]C.char
	prog := make([]bpfInsn, 4096)
	compileMu.Lock()
	n := C.ft_compile(dlt, MaxSnaplen, cexpr, (*C.struct_bpf_insn)(unsafe.Pointer(&prog[0])),
		C.int(len(prog)), &errbuf[0], C.int(len(errbuf)))
	compileMu.Unlock()
	switch {
	case n == -1:
		return nil, &FilterError{Expr: expr, Link: link, Msg: C.GoString(&errbuf[0])}
	case n < 0:
		return nil, &FilterError{Expr: expr, Link: link, Msg: "program too long"}
	}
	prog = prog[:n:n]
	if err := bpfValidate(prog); err != nil {
		return nil, fmt.Errorf("capture: filter %q: libpcap produced an invalid program: %w", expr, err)
	}
	return prog, nil
}

// bpfInsn must match struct bpf_insn for the copy above.
var _ [unsafe.Sizeof(C.struct_bpf_insn{}) - unsafe.Sizeof(bpfInsn{})]struct{}
var _ [unsafe.Sizeof(bpfInsn{}) - unsafe.Sizeof(C.struct_bpf_insn{})]struct{}
