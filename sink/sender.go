package sink

import (
	"context"
	"sync"
	"time"
)

// Deliverer sends one batch. It must be safe to call again with the same
// batch after an error: the receiving end deduplicates (see doc.go).
type Deliverer interface {
	Deliver(ctx context.Context, b *Batch) error
}

// Backoff bounds between retries of a failed delivery.
const (
	MinBackoff = 100 * time.Millisecond
	MaxBackoff = 5 * time.Second
)

// Sender delivers a Queue's batches in order on its own goroutine,
// retrying the head batch with exponential backoff until it goes
// through: the capture never waits for it.
type Sender struct {
	q    *Queue
	d    Deliverer
	warn func(string)

	ctx    context.Context
	cancel context.CancelFunc
	drain  chan struct{} // closed by Close: stop once the queue is empty
	done   chan struct{} // closed when the goroutine ends
	once   sync.Once
}

// Start starts delivering q's batches with d; warn (which may be nil)
// hears of failures, once per distinct error until a delivery succeeds.
func Start(q *Queue, d Deliverer, warn func(string)) *Sender {
	s := &Sender{q: q, d: d, warn: warn, drain: make(chan struct{}), done: make(chan struct{})}
	s.ctx, s.cancel = context.WithCancel(context.Background())
	go s.loop()
	return s
}

func (s *Sender) loop() {
	defer close(s.done)
	backoff := MinBackoff
	lastErr := ""
	for {
		b, err := s.q.Head()
		if err != nil { // an unreadable spool file: it can never be sent
			s.say("dropping an unreadable spooled batch: " + err.Error())
			s.q.Discard(b)
			continue
		}
		if b == nil {
			select {
			case <-s.q.Ready():
				continue
			case <-s.drain:
				if s.q.Empty() {
					return
				}
				continue
			case <-s.ctx.Done():
				return
			}
		}
		err = s.d.Deliver(s.ctx, b)
		if err == nil {
			s.q.Done(b)
			backoff, lastErr = MinBackoff, ""
			continue
		}
		if s.ctx.Err() != nil {
			return
		}
		if msg := err.Error(); msg != lastErr {
			s.say(msg + " (retrying; rows wait in the queue)")
			lastErr = msg
		}
		select {
		case <-time.After(backoff):
		case <-s.ctx.Done():
			return
		}
		backoff = min(backoff*2, MaxBackoff)
	}
}

func (s *Sender) say(msg string) {
	if s.warn != nil {
		s.warn(msg)
	}
}

// Close delivers what is queued until the queue is empty or the deadline
// passes, then stops (an insert under way is abandoned: it is retried,
// deduplicated, at the next start) and moves what is left in memory to
// the spool.
func (s *Sender) Close(deadline time.Duration) error {
	s.once.Do(func() { close(s.drain) })
	t := time.NewTimer(deadline)
	defer t.Stop()
	select {
	case <-s.done:
	case <-t.C:
	}
	s.cancel()
	<-s.done
	return s.q.Stash()
}
