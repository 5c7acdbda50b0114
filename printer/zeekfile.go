package printer

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"time"
)

// zeekColumn is a Zeek log column: its name and Zeek type.
type zeekColumn struct{ name, typ string }

// zeekFile is one Zeek TSV log: the header lines before the first line,
// the #close line at the end, and (with a Rotation) the file renamed to
// PATH.OPEN.log at every interval boundary.
type zeekFile struct {
	path   string // the log's #path: "conn", "findings", "probes"
	cols   []zeekColumn
	dir    string // "": writing to w only (NewZeekLog)
	name   string // dir/PATH.log
	w      *bufio.Writer
	f      *os.File
	buf    []byte
	header bool
	lines  bool      // lines written to the current file
	first  time.Time // #open: capture time the current file starts
	last   time.Time // capture time of the latest packet
	rot    *Rotation
	err    error // the first write, close or rename error
}

func newZeekWriter(path string, cols []zeekColumn, w io.Writer) *zeekFile {
	return &zeekFile{path: path, cols: cols, w: bufio.NewWriterSize(w, 64<<10), buf: make([]byte, 0, 512)}
}

// openZeekFile creates dir if missing; the file dir/PATH.log is created
// now if eager (conn.log, as before rotation existed), else at its first
// line, as Zeek creates a log.
func openZeekFile(dir, path string, cols []zeekColumn, eager bool) (*zeekFile, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("zeek log: %w", err)
	}
	z := &zeekFile{path: path, cols: cols, dir: dir, name: filepath.Join(dir, path+".log"), buf: make([]byte, 0, 512)}
	if eager {
		if err := z.create(); err != nil {
			return nil, err
		}
	}
	return z, nil
}

func (z *zeekFile) create() error {
	f, err := os.OpenFile(z.name, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o644)
	if err != nil {
		return fmt.Errorf("zeek log: %w", err)
	}
	z.f = f
	if z.w == nil {
		z.w = bufio.NewWriterSize(f, 64<<10)
	} else {
		z.w.Reset(f)
	}
	return nil
}

// note records the capture time of a packet.
func (z *zeekFile) note(t time.Time) {
	if z.first.IsZero() {
		z.first = t
	}
	if t.After(z.last) {
		z.last = t
	}
}

// line writes one log line (ending in '\n'), after the header; t is
// the capture time it reports.
func (z *zeekFile) line(t time.Time, b []byte) {
	z.note(t)
	if z.w == nil {
		if z.err != nil {
			return
		}
		if z.err = z.create(); z.err != nil {
			return
		}
	}
	z.writeHeader()
	z.lines = true
	z.w.Write(b)
}

// writeHeader writes the header lines once per file.
func (z *zeekFile) writeHeader() {
	if z.header {
		return
	}
	z.header = true
	b := append(z.buf[:0], "#separator \\x09\n"...)
	b = append(b, "#set_separator\t,\n"...)
	b = append(b, "#empty_field\t"+zeekEmpty+"\n"...)
	b = append(b, "#unset_field\t"+zeekUnset+"\n"...)
	b = append(b, "#path\t"...)
	b = append(b, z.path...)
	b = append(b, "\n#open\t"...)
	b = zeekTime(z.first).AppendFormat(b, zeekStamp)
	b = append(b, "\n#fields"...)
	for _, col := range z.cols {
		b = append(b, zeekSep)
		b = append(b, col.name...)
	}
	b = append(b, "\n#types"...)
	for _, col := range z.cols {
		b = append(b, zeekSep)
		b = append(b, col.typ...)
	}
	b = append(b, '\n')
	z.w.Write(b)
	z.buf = b
}

// finish writes the #close line stamped at, flushes and closes the file.
func (z *zeekFile) finish(at time.Time) error {
	z.writeHeader()
	b := append(z.buf[:0], "#close"...)
	b = append(b, zeekSep)
	b = zeekTime(at).AppendFormat(b, zeekStamp)
	b = append(b, '\n')
	z.w.Write(b)
	z.buf = b
	err := z.w.Flush()
	if z.f != nil {
		if cerr := z.f.Close(); err == nil {
			err = cerr
		}
		z.f = nil
		z.w = nil
	}
	return z.wrap(err)
}

// rotate ends the current file at close (an interval boundary, or the
// end of the input when terminating), renames it PATH.OPEN.log and runs
// the hook. A file without lines in the interval is left alone (its
// #open moves on to close), except at the end if it exists (conn.log
// exists from the start).
func (z *zeekFile) rotate(close time.Time, terminating bool) {
	if z.dir == "" {
		return
	}
	if !z.lines && !terminating {
		z.first = close // nothing yet: the file opens with this interval
		return
	}
	if !z.lines && z.w == nil {
		return // a lazy log that never had a line
	}
	open := z.first
	if err := z.finish(close); err != nil {
		z.keep(err)
		return
	}
	rotated := filepath.Join(z.dir, z.path+"."+zeekTime(open).Format(zeekStamp)+".log")
	if err := os.Rename(z.name, rotated); err != nil {
		z.keep(z.wrap(err))
		return
	}
	z.rot.hook(rotated, z.path, open, close, terminating)
	z.header, z.lines, z.first = false, false, close
}

func (z *zeekFile) keep(err error) {
	if z.err == nil {
		z.err = err
	}
}

// close ends the log at the end of the input: the #close line, and with
// a Rotation the last rotation. It returns the first error the log met.
func (z *zeekFile) close() error {
	if z.rot != nil && z.dir != "" {
		if z.rot.last.After(z.last) {
			z.last = z.rot.last
		}
		z.rotate(z.last, true)
		return z.err
	}
	if z.w == nil { // a lazy log that never had a line
		return z.err
	}
	err := z.finish(z.last)
	if z.err != nil {
		return z.err
	}
	return err
}

func (z *zeekFile) flush() error {
	if z.w == nil {
		return nil
	}
	return z.wrap(z.w.Flush())
}

func (z *zeekFile) wrap(err error) error {
	if err == nil || z.name == "" {
		return err
	}
	return fmt.Errorf("zeek log: %s: %w", z.name, err)
}

// Rotation rotates a run's Zeek logs together, as Zeek's
// Log::default_rotation_interval does: at every multiple of Every
// (counted from the Unix epoch, so 1h rotates on the hour, UTC) on the
// capture clock, each log with lines in the interval gets its #close
// line and is renamed PATH.YYYY-MM-DD-HH-MM-SS.log after the capture
// time it was opened (Zeek's default_rotation_date_format, in UTC like
// #open); the end of the input rotates once more. After each rotation
// Cmd, if set, runs as Zeek runs its postprocessor: sh -c 'Cmd "$@"'
// with the rotated file, the log's path, its open and close times
// (yy-mm-dd_HH.MM.SS), 1 if the rotation is the last, and "ascii". Cmd
// runs in the background; Wait waits for every one.
type Rotation struct {
	Every time.Duration
	Cmd   string
	Warn  func(string)

	files []*zeekFile
	next  time.Time
	last  time.Time // the capture clock
	wg    sync.WaitGroup
}

func (r *Rotation) add(z *zeekFile) {
	z.rot = r
	r.files = append(r.files, z)
}

// advance moves the capture clock to t: at a boundary every log
// rotates. It allocates nothing unless a boundary is crossed.
func (r *Rotation) advance(t time.Time) {
	if r == nil {
		return
	}
	if r.next.IsZero() {
		r.next = t.Truncate(r.Every).Add(r.Every)
		return
	}
	if t.After(r.last) {
		r.last = t
	}
	if t.Before(r.next) {
		return
	}
	for _, z := range r.files {
		z.rotate(r.next, false)
	}
	r.next = t.Truncate(r.Every).Add(r.Every)
}

// hookStamp is the postprocessor's time format (Zeek's
// Log::run_rotation_postprocessor_cmd).
const hookStamp = "06-01-02_15.04.05"

func (r *Rotation) hook(file, path string, open, close time.Time, terminating bool) {
	if r.Cmd == "" {
		return
	}
	term := "0"
	if terminating {
		term = "1"
	}
	cmd := exec.Command("sh", "-c", r.Cmd+` "$@"`, "sh", file, path,
		zeekTime(open).Format(hookStamp), zeekTime(close).Format(hookStamp), term, "ascii")
	cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
	if err := cmd.Start(); err != nil {
		r.warn(fmt.Sprintf("--rotate-cmd: %v", err))
		return
	}
	r.wg.Add(1)
	go func() {
		defer r.wg.Done()
		if err := cmd.Wait(); err != nil {
			r.warn(fmt.Sprintf("--rotate-cmd on %s: %v", file, err))
		}
	}()
}

func (r *Rotation) warn(msg string) {
	if r.Warn != nil {
		r.Warn(msg)
	}
}

// Wait waits for the --rotate-cmd commands started so far.
func (r *Rotation) Wait() {
	if r != nil {
		r.wg.Wait()
	}
}
