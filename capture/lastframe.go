package capture

// LastFrame is a [Source] that passes another Source's frames through and
// keeps the latest one, so that whoever handles the segment a [Reader]
// decoded from it can still get at the raw bytes (to write them with a
// [PcapWriter], for example). This works only when nothing reads ahead:
// a Reader straight over the LastFrame, no [Ahead]. Keeping the frame
// copies nothing: its bytes are valid until the next ReadFrame, as any
// Source's.
type LastFrame struct {
	src    Source
	data   []byte
	ci     FrameInfo
	link   LinkType
	frames uint64
}

var _ Source = (*LastFrame)(nil)

// NewLastFrame returns a LastFrame over src.
func NewLastFrame(src Source) *LastFrame { return &LastFrame{src: src} }

// ReadFrame implements Source.
func (l *LastFrame) ReadFrame() ([]byte, FrameInfo, LinkType, error) {
	data, ci, link, err := l.src.ReadFrame()
	if err != nil {
		l.data = nil
		return data, ci, link, err
	}
	l.data, l.ci, l.link = data, ci, link
	l.frames++
	return data, ci, link, nil
}

// Frame returns the latest frame read and its number, counting from 1 as
// [segment.Segment].Pkt does, so a caller can check that the frame is the
// one its segment came from.
func (l *LastFrame) Frame() (data []byte, ci FrameInfo, link LinkType, n uint64) {
	return l.data, l.ci, l.link, l.frames
}

// LinkType reports the wrapped source's first link type, when it knows it,
// so that [Reader.SetFilter] compiles for the right one; Ethernet
// otherwise.
func (l *LastFrame) LinkType() LinkType {
	if lt, ok := l.src.(linkTyper); ok {
		return lt.LinkType()
	}
	return LinkEthernet
}

// Close closes the wrapped source.
func (l *LastFrame) Close() error { return l.src.Close() }
