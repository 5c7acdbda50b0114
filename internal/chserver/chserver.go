// Package chserver runs a private clickhouse-server for tests: its own
// configuration and data directory under the test's temporary directory,
// listening on loopback on free ports, stopped at the end of the test. It
// can be killed (SIGKILL) and started again on the same data and ports.
package chserver

import (
	"context"
	"fmt"
	"github.com/flowtrace/flowtrace/internal/testenv"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// Binary is the Debian package's server program.
const Binary = "/usr/sbin/clickhouse-server"

// Server is one clickhouse-server.
type Server struct {
	t        testing.TB
	dir      string
	HTTPPort int
	cmd      *exec.Cmd
	exited   chan struct{}
}

// Start starts a server, or skips the test when the package is missing
// outside CI (CI=true: it fails). Cleanup stops it.
func Start(t testing.TB) *Server {
	t.Helper()
	path := Binary
	if _, err := os.Stat(path); err != nil {
		p, lerr := exec.LookPath("clickhouse-server")
		if lerr != nil {
			testenv.Skip(t, "clickhouse-server is not installed: apt-get install clickhouse-server (make test-deps)")
		}
		path = p
	}
	s := &Server{t: t, dir: t.TempDir(), HTTPPort: freePort(t)}
	tcp, inter := freePort(t), freePort(t)
	if err := os.WriteFile(filepath.Join(s.dir, "config.xml"), []byte(fmt.Sprintf(configXML, s.dir, s.HTTPPort, tcp, inter)), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(s.dir, "users.xml"), []byte(usersXML), 0o644); err != nil {
		t.Fatal(err)
	}
	s.start(path)
	t.Cleanup(s.Kill)
	return s
}

func (s *Server) start(path string) {
	s.t.Helper()
	cmd := exec.Command(path, "--config-file="+filepath.Join(s.dir, "config.xml"))
	cmd.Dir = s.dir
	out, err := os.Create(filepath.Join(s.dir, "stdout.log"))
	if err != nil {
		s.t.Fatal(err)
	}
	cmd.Stdout, cmd.Stderr = out, out
	if err := cmd.Start(); err != nil {
		s.t.Fatalf("start clickhouse-server: %v", err)
	}
	s.cmd, s.exited = cmd, make(chan struct{})
	go func() { cmd.Wait(); out.Close(); close(s.exited) }()
	deadline := time.Now().Add(30 * time.Second)
	for time.Now().Before(deadline) {
		select {
		case <-s.exited:
			s.t.Fatalf("clickhouse-server exited at start:\n%s", s.logs())
		default:
		}
		if resp, err := http.Get(s.URL() + "ping"); err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return
			}
		}
		time.Sleep(100 * time.Millisecond)
	}
	s.t.Fatalf("clickhouse-server did not answer within 30 s:\n%s", s.logs())
}

// logs returns the end of the server's error log and output.
func (s *Server) logs() string {
	var b strings.Builder
	for _, name := range []string{"stdout.log", "err.log"} {
		data, _ := os.ReadFile(filepath.Join(s.dir, name))
		if len(data) > 4000 {
			data = data[len(data)-4000:]
		}
		fmt.Fprintf(&b, "--- %s\n%s", name, data)
	}
	return b.String()
}

// URL is the HTTP interface's base URL, ending in "/".
func (s *Server) URL() string { return fmt.Sprintf("http://127.0.0.1:%d/", s.HTTPPort) }

// Kill kills the server at once (SIGKILL), as a crash would.
func (s *Server) Kill() {
	if s.cmd == nil {
		return
	}
	s.cmd.Process.Kill()
	<-s.exited
	s.cmd = nil
}

// Restart starts the server again on the same data directory and ports.
func (s *Server) Restart() {
	s.t.Helper()
	s.Kill()
	path := Binary
	if _, err := os.Stat(path); err != nil {
		path, _ = exec.LookPath("clickhouse-server")
	}
	s.start(path)
}

// Query runs one statement over HTTP and returns its output.
func (s *Server) Query(stmt string) (string, error) {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, s.URL(), strings.NewReader(stmt))
	if err != nil {
		return "", err
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return "", err
	}
	defer resp.Body.Close()
	out, err := io.ReadAll(resp.Body)
	if err != nil {
		return "", err
	}
	if resp.StatusCode != http.StatusOK {
		return "", fmt.Errorf("%s: %s", resp.Status, strings.TrimSpace(string(out)))
	}
	return string(out), nil
}

// MustQuery is Query failing the test on an error; it returns the output
// without the final newline.
func (s *Server) MustQuery(stmt string) string {
	s.t.Helper()
	out, err := s.Query(stmt)
	if err != nil {
		s.t.Fatalf("%s\n%v", stmt, err)
	}
	return strings.TrimSuffix(out, "\n")
}

func freePort(t testing.TB) int {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port
}

// configXML: the data directory, HTTP, native and interserver ports.
const configXML = `<?xml version="1.0"?>
<yandex>
  <logger><level>warning</level><log>%[1]s/server.log</log><errorlog>%[1]s/err.log</errorlog></logger>
  <http_port>%[2]d</http_port>
  <tcp_port>%[3]d</tcp_port>
  <interserver_http_port>%[4]d</interserver_http_port>
  <listen_host>127.0.0.1</listen_host>
  <path>%[1]s/data/</path>
  <tmp_path>%[1]s/data/tmp/</tmp_path>
  <user_files_path>%[1]s/data/user_files/</user_files_path>
  <format_schema_path>%[1]s/data/format_schemas/</format_schema_path>
  <mark_cache_size>536870912</mark_cache_size>
  <timezone>UTC</timezone>
  <users_config>users.xml</users_config>
  <default_profile>default</default_profile>
  <default_database>default</default_database>
  <mlock_executable>false</mlock_executable>
  <remote_servers>
    <flowtrace_test>
      <shard><replica><host>127.0.0.1</host><port>%[3]d</port></replica></shard>
    </flowtrace_test>
  </remote_servers>
</yandex>
`

const usersXML = `<?xml version="1.0"?>
<yandex>
  <profiles><default><max_memory_usage>2000000000</max_memory_usage></default></profiles>
  <users><default><password></password><networks><ip>127.0.0.1</ip></networks><profile>default</profile><quota>default</quota></default></users>
  <quotas><default><interval><duration>3600</duration><queries>0</queries><errors>0</errors><result_rows>0</result_rows><read_rows>0</read_rows><execution_time>0</execution_time></interval></default></quotas>
</yandex>
`
