package clickhouse

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/flowtrace/flowtrace/sink"
)

// client inserts batches over ClickHouse's HTTP interface:
// POST /?query=INSERT INTO db.table FORMAT JSONEachRow with the rows as
// the body. Plain net/http is all JSONEachRow needs; see doc.go.
type client struct {
	base     *url.URL // scheme, host, path; query: the settings to pass on
	database string
	user     *url.Userinfo
	http     *http.Client
}

// insertTimeout bounds one insert, so a hung server is retried.
const insertTimeout = 30 * time.Second

// newClient parses the sink URL, http(s)://[user[:password]@]host:port/?database=NAME[&setting=value…].
// Other query parameters are passed to ClickHouse as settings.
func newClient(raw string) (*client, error) {
	u, err := url.Parse(raw)
	if err != nil {
		return nil, fmt.Errorf("bad URL %q: %v", raw, err)
	}
	if u.Scheme != "http" && u.Scheme != "https" || u.Host == "" {
		return nil, fmt.Errorf("bad URL %q: want http://host:8123/?database=NAME", raw)
	}
	q := u.Query()
	c := &client{database: q.Get("database"), user: u.User, http: &http.Client{Timeout: insertTimeout}}
	if c.database == "" {
		c.database = DefaultDatabase
	}
	q.Del("database")
	// A newer sensor may send columns an older schema lacks.
	if !q.Has("input_format_skip_unknown_fields") {
		q.Set("input_format_skip_unknown_fields", "1")
	}
	u.RawQuery = q.Encode()
	u.User = nil
	c.base = u
	return c, nil
}

// CheckURL reports what is wrong with a sink URL, or nil.
func CheckURL(raw string) error {
	_, err := newClient(raw)
	return err
}

// Deliver implements sink.Deliverer.
func (c *client) Deliver(ctx context.Context, b *sink.Batch) error {
	u := *c.base
	q := u.Query()
	q.Set("query", "INSERT INTO "+quoteIdent(c.database)+"."+quoteIdent(b.Table)+" FORMAT JSONEachRow")
	u.RawQuery = q.Encode()
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, u.String(), bytes.NewReader(b.Body))
	if err != nil {
		return err
	}
	c.auth(req)
	resp, err := c.http.Do(req)
	if err != nil {
		return fmt.Errorf("clickhouse %s: insert into %s: %v", c.base.Host, b.Table, unwrapURL(err))
	}
	defer resp.Body.Close()
	msg, _ := io.ReadAll(io.LimitReader(resp.Body, 1024))
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("clickhouse %s: insert into %s: %s: %s", c.base.Host, b.Table, resp.Status, firstLine(msg))
	}
	return nil
}

// Exec runs one statement that returns nothing (DDL).
func (c *client) Exec(ctx context.Context, stmt string) error {
	_, err := c.Query(ctx, stmt)
	return err
}

// Query runs a statement and returns its output (TabSeparated unless
// the statement says FORMAT).
func (c *client) Query(ctx context.Context, stmt string) ([]byte, error) {
	u := *c.base
	q := u.Query()
	q.Set("database", c.database)
	u.RawQuery = q.Encode()
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, u.String(), strings.NewReader(stmt))
	if err != nil {
		return nil, err
	}
	c.auth(req)
	resp, err := c.http.Do(req)
	if err != nil {
		return nil, fmt.Errorf("clickhouse %s: %v", c.base.Host, unwrapURL(err))
	}
	defer resp.Body.Close()
	out, err := io.ReadAll(resp.Body)
	if err != nil {
		return nil, fmt.Errorf("clickhouse %s: %v", c.base.Host, err)
	}
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("clickhouse %s: %s: %s", c.base.Host, resp.Status, firstLine(out))
	}
	return out, nil
}

func (c *client) auth(req *http.Request) {
	if c.user == nil {
		return
	}
	pw, _ := c.user.Password()
	req.SetBasicAuth(c.user.Username(), pw)
}

func firstLine(b []byte) string {
	s := strings.TrimSpace(string(b))
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		s = s[:i]
	}
	return s
}

// unwrapURL drops net/http's "Post URL:" prefix, which repeats the query.
func unwrapURL(err error) error {
	if ue, ok := err.(*url.Error); ok {
		return ue.Err
	}
	return err
}
