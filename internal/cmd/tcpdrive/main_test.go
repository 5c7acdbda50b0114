package main

import (
	"bytes"
	"strings"
	"testing"
)

func TestParseSteps(t *testing.T) {
	args := strings.Fields("listen 10.77.0.2:5000 --fastopen --rcvbuf 4096 --backlog 4096 accept " +
		"repeat 3 send 100 sleep 50ms end readn 10 hold connect [fd77::2]:5000 --bind [fd77::1]:40001 hold 2s close")
	steps, rest, err := parse(args, false)
	if err != nil {
		t.Fatal(err)
	}
	if len(rest) != 0 {
		t.Fatalf("rest %q", rest)
	}
	var verbs []string
	for _, s := range steps {
		verbs = append(verbs, s.verb)
	}
	if got, want := strings.Join(verbs, " "), "listen accept repeat readn hold connect hold close"; got != want {
		t.Errorf("verbs %q, want %q", got, want)
	}
	if steps[0].opts["rcvbuf"] != "4096" || steps[0].opts["backlog"] != "4096" {
		t.Errorf("listen opts %v", steps[0].opts)
	}
	if _, ok := steps[0].opts["fastopen"]; !ok {
		t.Errorf("listen lost --fastopen: %v", steps[0].opts)
	}
	if r := steps[2]; r.n != 3 || len(r.body) != 2 || r.body[0].verb != "send" {
		t.Errorf("repeat: %+v", r)
	}
	if steps[4].arg != "" || steps[6].arg != "2s" {
		t.Errorf("hold args %q %q", steps[4].arg, steps[6].arg)
	}
	if steps[5].opts["bind"] != "[fd77::1]:40001" {
		t.Errorf("connect opts %v", steps[5].opts)
	}
}

func TestParseNewOptions(t *testing.T) {
	steps, _, err := parse(strings.Fields("connect 10.77.0.2:5000 --mss 536 keepalive 1:1:5 send 100 --byte X"), false)
	if err != nil {
		t.Fatal(err)
	}
	if steps[0].opts["mss"] != "536" || steps[1].arg != "1:1:5" || steps[2].opts["byte"] != "X" {
		t.Errorf("steps %+v", steps)
	}
	if ka, err := parseKeepalive("1:2:3"); err != nil || ka != [3]int{1, 2, 3} {
		t.Errorf("parseKeepalive: %v %v", ka, err)
	}
}

func TestParseStepErrors(t *testing.T) {
	for _, in := range []string{
		"bogus",
		"send",
		"send x",
		"connect 10.0.0.1",
		"connect 10.0.0.1:1 --bind",
		"connect 10.0.0.1:1 --bind nothere",
		"listen 10.0.0.1:1 --bind 10.0.0.1:2",
		"accept --fastopen",
		"repeat 2 send 1",
		"end",
		"sleep forever",
		"until soon",
		"send 10 --byte XY",
		"send 10 --bind 10.0.0.1:1",
		"readn 10 --byte X",
		"keepalive 1:1",
		"keepalive 1:0:5",
		"connect 10.0.0.1:1 --mss big",
		"listen 10.0.0.1:1 --backlog many",
	} {
		if _, _, err := parse(strings.Fields(in), false); err == nil {
			t.Errorf("parse(%q): no error", in)
		}
	}
}

func TestRunUsage(t *testing.T) {
	var stderr bytes.Buffer
	if code := run(nil, &stderr); code != 2 {
		t.Errorf("no steps: exit %d, want 2", code)
	}
	if code := run([]string{"frobnicate"}, &stderr); code != 2 {
		t.Errorf("bad step: exit %d, want 2", code)
	}
	stderr.Reset()
	if code := run([]string{"-q", "sleep", "1ms"}, &stderr); code != 0 || stderr.Len() != 0 {
		t.Errorf("sleep: exit %d, stderr %q", code, stderr.String())
	}
}
