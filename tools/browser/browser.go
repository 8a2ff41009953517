// Package browser loads a page in headless Chromium and reports what a user
// would meet: how long it took to load, console errors, every network
// request, and a screenshot. It speaks the DevTools protocol over
// --remote-debugging-pipe (file descriptors 3 and 4), so it needs nothing
// but the Chromium binary: no WebSocket, no Node, no downloaded browser.
package browser

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"time"
)

// DefaultChromium is where Debian's chromium package puts the browser.
const DefaultChromium = "/usr/bin/chromium"

// Options say which page to load and how to look at it.
type Options struct {
	Chromium string        // browser binary; DefaultChromium when empty
	URL      string        // the page, e.g. file:///tmp/report.html
	Width    int           // viewport width in CSS pixels (default 1280)
	Height   int           // viewport height in CSS pixels (default 2000)
	FullPage bool          // screenshot the whole page, not only the viewport
	Print    bool          // emulate print media before the screenshot
	Settle   time.Duration // wait after the load event for late requests (default 300 ms)
}

// Result is what loading the page showed.
type Result struct {
	LoadTime      time.Duration // from navigation to the load event, measured here
	PageLoad      time.Duration // the page's own navigation timing (loadEventEnd)
	ConsoleErrors []string      // console.error calls, uncaught exceptions, browser log errors (CSP, failed loads)
	Requests      []string      // the URL of every request the page made, the page itself included
	Title         string        // document.title
	Screenshot    []byte        // PNG
}

// Load starts a fresh headless Chromium (own temporary profile), loads
// opt.URL, and returns what it saw; the browser is closed before it returns.
func Load(ctx context.Context, opt Options) (*Result, error) {
	if opt.Chromium == "" {
		opt.Chromium = DefaultChromium
	}
	if opt.Width == 0 {
		opt.Width = 1280
	}
	if opt.Height == 0 {
		opt.Height = 2000
	}
	if opt.Settle == 0 {
		opt.Settle = 300 * time.Millisecond
	}
	profile, err := os.MkdirTemp("", "topicmill-chromium-")
	if err != nil {
		return nil, fmt.Errorf("chromium profile: %w", err)
	}
	defer os.RemoveAll(profile)

	c, err := start(ctx, opt.Chromium, profile)
	if err != nil {
		return nil, err
	}
	defer c.close()
	res, err := c.load(ctx, opt)
	if err != nil {
		return nil, fmt.Errorf("load %s: %w", opt.URL, err)
	}
	return res, nil
}

// flags keep the browser quiet: no first-run UI, no background traffic
// (which would otherwise count against "no network requests").
var flags = []string{
	"--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
	"--disable-background-networking", "--disable-component-update", "--disable-sync",
	"--disable-default-apps", "--disable-extensions", "--hide-scrollbars", "--mute-audio",
	"--remote-debugging-pipe",
}

// start launches Chromium with the DevTools pipe on fds 3 (commands in) and 4 (replies out).
func start(ctx context.Context, bin, profile string) (*conn, error) {
	inR, inW, err := os.Pipe()
	if err != nil {
		return nil, fmt.Errorf("chromium pipe: %w", err)
	}
	outR, outW, err := os.Pipe()
	if err != nil {
		inR.Close()
		inW.Close()
		return nil, fmt.Errorf("chromium pipe: %w", err)
	}
	args := append(append([]string{}, flags...), "--user-data-dir="+profile, "about:blank")
	cmd := exec.Command(bin, args...)
	cmd.ExtraFiles = []*os.File{inR, outW}
	if err := cmd.Start(); err != nil {
		for _, f := range []*os.File{inR, inW, outR, outW} {
			f.Close()
		}
		return nil, fmt.Errorf("start %s: %w", bin, err)
	}
	inR.Close()
	outW.Close()
	c := newConn(cmd, inW, outR)
	go c.readLoop()
	return c, nil
}

// load runs the page and gathers the result.
func (c *conn) load(ctx context.Context, opt Options) (*Result, error) {
	var target struct{ TargetID string }
	if err := c.call(ctx, "", "Target.createTarget", map[string]any{"url": "about:blank"}, &target); err != nil {
		return nil, err
	}
	var attached struct{ SessionID string }
	if err := c.call(ctx, "", "Target.attachToTarget", map[string]any{"targetId": target.TargetID, "flatten": true}, &attached); err != nil {
		return nil, err
	}
	s := attached.SessionID
	c.watch(s)
	for _, m := range []string{"Page.enable", "Runtime.enable", "Log.enable", "Network.enable"} {
		if err := c.call(ctx, s, m, nil, nil); err != nil {
			return nil, err
		}
	}
	metrics := map[string]any{"width": opt.Width, "height": opt.Height, "deviceScaleFactor": 1, "mobile": opt.Width < 600}
	if err := c.call(ctx, s, "Emulation.setDeviceMetricsOverride", metrics, nil); err != nil {
		return nil, err
	}

	began := time.Now()
	var nav struct{ ErrorText string }
	if err := c.call(ctx, s, "Page.navigate", map[string]any{"url": opt.URL}, &nav); err != nil {
		return nil, err
	}
	if nav.ErrorText != "" {
		return nil, errors.New(nav.ErrorText)
	}
	select {
	case <-c.loaded:
	case <-ctx.Done():
		return nil, fmt.Errorf("waiting for the load event: %w", ctx.Err())
	case <-c.done:
		return nil, errors.New("chromium exited before the page loaded")
	}
	res := &Result{LoadTime: time.Since(began)}
	time.Sleep(opt.Settle)

	var pageLoad float64
	if err := c.eval(ctx, s, "performance.getEntriesByType('navigation')[0].loadEventEnd", &pageLoad); err != nil {
		return nil, err
	}
	res.PageLoad = time.Duration(pageLoad * float64(time.Millisecond))
	if err := c.eval(ctx, s, "document.title", &res.Title); err != nil {
		return nil, err
	}
	if opt.Print {
		if err := c.call(ctx, s, "Emulation.setEmulatedMedia", map[string]any{"media": "print"}, nil); err != nil {
			return nil, err
		}
	}
	shot := map[string]any{"format": "png"}
	if opt.FullPage {
		var lm struct {
			CSSContentSize struct{ Width, Height float64 }
		}
		if err := c.call(ctx, s, "Page.getLayoutMetrics", nil, &lm); err != nil {
			return nil, err
		}
		shot["captureBeyondViewport"] = true
		shot["clip"] = map[string]any{"x": 0, "y": 0, "width": lm.CSSContentSize.Width, "height": lm.CSSContentSize.Height, "scale": 1}
	}
	var png struct{ Data string }
	if err := c.call(ctx, s, "Page.captureScreenshot", shot, &png); err != nil {
		return nil, err
	}
	img, err := base64.StdEncoding.DecodeString(png.Data)
	if err != nil {
		return nil, fmt.Errorf("decode screenshot: %w", err)
	}
	res.Screenshot = img
	res.ConsoleErrors, res.Requests = c.seen()
	return res, nil
}

// eval evaluates a JavaScript expression in the page (DevTools, not the page's own script) and decodes its value.
func (c *conn) eval(ctx context.Context, session, expr string, into any) error {
	var r struct {
		Result struct {
			Value json.RawMessage
		}
		ExceptionDetails *struct{ Text string }
	}
	if err := c.call(ctx, session, "Runtime.evaluate", map[string]any{"expression": expr, "returnByValue": true}, &r); err != nil {
		return err
	}
	if r.ExceptionDetails != nil {
		return fmt.Errorf("evaluate %q: %s", expr, r.ExceptionDetails.Text)
	}
	if err := json.Unmarshal(r.Result.Value, into); err != nil {
		return fmt.Errorf("evaluate %q: %w", expr, err)
	}
	return nil
}
