package browser

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"sync"
	"time"
)

// conn is one DevTools protocol connection over Chromium's pipe: JSON
// messages separated by NUL bytes, replies matched to calls by id, events
// of the watched page session recorded as they arrive.
type conn struct {
	cmd *exec.Cmd
	out *os.File // our end of fd 3: commands to the browser
	in  *os.File // our end of fd 4: replies and events

	writeMu sync.Mutex
	mu      sync.Mutex
	nextID  int
	pending map[int]chan message
	session string   // the page session whose events are recorded
	errs    []string // console and log errors
	reqs    []string // request URLs
	loaded  chan struct{}
	gotLoad bool
	done    chan struct{} // closed when the browser's pipe closes
}

// message is any DevTools message: a reply (ID set) or an event (Method set).
type message struct {
	ID        int             `json:"id,omitempty"`
	SessionID string          `json:"sessionId,omitempty"`
	Method    string          `json:"method,omitempty"`
	Params    json.RawMessage `json:"params,omitempty"`
	Result    json.RawMessage `json:"result,omitempty"`
	Error     *struct {
		Code    int    `json:"code"`
		Message string `json:"message"`
	} `json:"error,omitempty"`
}

// newConn wraps the two pipe ends of a started browser.
func newConn(cmd *exec.Cmd, out, in *os.File) *conn {
	return &conn{cmd: cmd, out: out, in: in, pending: map[int]chan message{}, loaded: make(chan struct{}), done: make(chan struct{})}
}

// call sends one command and waits for its reply, decoding the result into into (if not nil).
func (c *conn) call(ctx context.Context, session, method string, params any, into any) error {
	c.mu.Lock()
	c.nextID++
	id := c.nextID
	reply := make(chan message, 1)
	c.pending[id] = reply
	c.mu.Unlock()

	req := map[string]any{"id": id, "method": method}
	if params != nil {
		req["params"] = params
	}
	if session != "" {
		req["sessionId"] = session
	}
	b, err := json.Marshal(req)
	if err != nil {
		return fmt.Errorf("%s: %w", method, err)
	}
	c.writeMu.Lock()
	_, err = c.out.Write(append(b, 0))
	c.writeMu.Unlock()
	if err != nil {
		return fmt.Errorf("%s: %w", method, err)
	}
	select {
	case m := <-reply:
		if m.Error != nil {
			return fmt.Errorf("%s: %s (%d)", method, m.Error.Message, m.Error.Code)
		}
		if into != nil {
			if err := json.Unmarshal(m.Result, into); err != nil {
				return fmt.Errorf("%s: decode reply: %w", method, err)
			}
		}
		return nil
	case <-ctx.Done():
		return fmt.Errorf("%s: %w", method, ctx.Err())
	case <-c.done:
		return fmt.Errorf("%s: chromium closed the connection", method)
	}
}

// watch starts recording the events of one page session.
func (c *conn) watch(session string) {
	c.mu.Lock()
	c.session = session
	c.mu.Unlock()
}

// seen returns copies of the errors and requests recorded so far.
func (c *conn) seen() (errs, reqs []string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return append([]string(nil), c.errs...), append([]string(nil), c.reqs...)
}

// readLoop delivers replies and records events until the pipe closes.
func (c *conn) readLoop() {
	defer close(c.done)
	r := bufio.NewReaderSize(c.in, 1<<20)
	for {
		b, err := r.ReadBytes(0)
		if err != nil {
			return
		}
		var m message
		if json.Unmarshal(b[:len(b)-1], &m) != nil {
			continue
		}
		c.mu.Lock()
		if m.ID != 0 {
			if ch, ok := c.pending[m.ID]; ok {
				delete(c.pending, m.ID)
				ch <- m
			}
		} else if m.SessionID != "" && m.SessionID == c.session {
			c.record(m)
		}
		c.mu.Unlock()
	}
}

// record notes one event of the watched page; c.mu is held.
func (c *conn) record(m message) {
	switch m.Method {
	case "Page.loadEventFired":
		if !c.gotLoad {
			c.gotLoad = true
			close(c.loaded)
		}
	case "Network.requestWillBeSent":
		var p struct{ Request struct{ URL string } }
		if json.Unmarshal(m.Params, &p) == nil {
			c.reqs = append(c.reqs, p.Request.URL)
		}
	case "Runtime.consoleAPICalled":
		var p struct {
			Type string
			Args []struct {
				Value       any
				Description string
			}
		}
		if json.Unmarshal(m.Params, &p) == nil && (p.Type == "error" || p.Type == "assert") {
			var parts []string
			for _, a := range p.Args {
				if a.Description != "" {
					parts = append(parts, a.Description)
				} else {
					parts = append(parts, fmt.Sprint(a.Value))
				}
			}
			c.errs = append(c.errs, "console."+p.Type+": "+strings.Join(parts, " "))
		}
	case "Runtime.exceptionThrown":
		var p struct {
			ExceptionDetails struct {
				Text      string
				Exception struct{ Description string }
			}
		}
		if json.Unmarshal(m.Params, &p) == nil {
			c.errs = append(c.errs, "exception: "+p.ExceptionDetails.Text+" "+p.ExceptionDetails.Exception.Description)
		}
	case "Log.entryAdded":
		var p struct {
			Entry struct{ Level, Source, Text, URL string }
		}
		if json.Unmarshal(m.Params, &p) == nil && p.Entry.Level == "error" {
			c.errs = append(c.errs, "log ("+p.Entry.Source+"): "+p.Entry.Text+" "+p.Entry.URL)
		}
	}
}

// close asks the browser to quit, then kills it if it lingers, and waits for it.
func (c *conn) close() {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	_ = c.call(ctx, "", "Browser.close", nil, nil)
	exited := make(chan struct{})
	go func() {
		_ = c.cmd.Wait()
		close(exited)
	}()
	select {
	case <-exited:
	case <-time.After(3 * time.Second):
		_ = c.cmd.Process.Kill()
		<-exited
	}
	c.out.Close()
	c.in.Close()
}
