package report

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
)

// debianChromium is where Debian's chromium package puts the browser.
const debianChromium = "/usr/bin/chromium"

// chromium returns the browser binary, skipping the test when it is missing
// locally and failing it under CI=true, where the Makefile installs it.
func chromium(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("browser test skipped in -short mode")
	}
	path, err := exec.LookPath(debianChromium)
	if err != nil {
		path, err = exec.LookPath("chromium")
	}
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("chromium is missing (apt-get install -y chromium): %v", err)
		}
		t.Skipf("chromium is missing: %v", err)
	}
	return path
}

// view says how to look at a page: the viewport in CSS pixels, whether
// the screenshot holds the whole page, whether print media is emulated.
type view struct {
	width, height int64
	fullPage      bool
	print         bool
}

// visit is what loading a page showed.
type visit struct {
	loadTime      time.Duration // from navigation to the load event, measured here
	pageLoad      time.Duration // the page's own navigation timing (loadEventEnd)
	consoleErrors []string      // console.error calls, uncaught exceptions, browser log errors (CSP, failed loads)
	requests      []string      // the URL of every request the page made, the page itself included
	title         string        // document.title
	screenshot    []byte        // PNG
}

// consoleEnd is logged after the page's checks: the console messages
// before it are all the page's.
const consoleEnd = "topicmill: end of the page's messages"

// load starts a fresh headless Chromium (bin, with its own profile) through
// chromedp, loads url as v says, and returns what it saw; the browser is
// closed before it returns.
func load(t *testing.T, bin, url string, v view) *visit {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	// The flags keep the browser quiet: no first-run UI, no background
	// traffic (which would otherwise count against "no network requests").
	ctx, cancelAlloc := chromedp.NewExecAllocator(ctx,
		chromedp.ExecPath(bin), chromedp.UserDataDir(t.TempDir()),
		chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU, chromedp.NoFirstRun,
		chromedp.Flag("disable-background-networking", true), chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true), chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-default-apps", true), chromedp.Flag("disable-extensions", true),
		chromedp.Flag("hide-scrollbars", true), chromedp.Flag("mute-audio", true),
	)
	defer cancelAlloc()
	ctx, cancelTab := chromedp.NewContext(ctx)
	defer cancelTab()

	res := &visit{}
	var mu sync.Mutex // Listen's func runs on chromedp's reading goroutine
	err := chromedp.Listen(ctx, func(ev any) {
		if e, ok := ev.(*network.EventRequestWillBeSent); ok {
			mu.Lock()
			res.requests = append(res.requests, e.Request.URL)
			mu.Unlock()
		}
	})
	if err != nil {
		t.Fatalf("start %s: %v", bin, err)
	}
	console := chromedp.Console(ctx)
	var size []chromedp.EmulateViewportOption
	if v.width < 600 {
		size = append(size, chromedp.EmulateMobile)
	}
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(v.width, v.height, size...)); err != nil {
		t.Fatal(err)
	}
	began := time.Now()
	if err := chromedp.Do(ctx, chromedp.Navigate(url)); err != nil {
		t.Fatalf("load %s: %v", url, err)
	}
	res.loadTime = time.Since(began)
	time.Sleep(300 * time.Millisecond) // late requests

	pageLoad, err := chromedp.Run(ctx, chromedp.Evaluate[float64]("performance.getEntriesByType('navigation')[0].loadEventEnd"))
	if err != nil {
		t.Fatal(err)
	}
	res.pageLoad = time.Duration(pageLoad * float64(time.Millisecond))
	if res.title, err = chromedp.Run(ctx, chromedp.Title()); err != nil {
		t.Fatal(err)
	}
	if v.print {
		if _, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"}); err != nil {
			t.Fatal(err)
		}
	}
	shot := chromedp.CaptureScreenshot()
	if v.fullPage {
		shot = chromedp.FullScreenshot(100) // quality 100: PNG
	}
	if res.screenshot, err = chromedp.Run(ctx, shot); err != nil {
		t.Fatal(err)
	}

	if _, err := chromedp.Run(ctx, chromedp.Evaluate[chromedp.Void]("console.debug("+strconv.Quote(consoleEnd)+")")); err != nil {
		t.Fatal(err)
	}
	for m, err := range console {
		if err != nil {
			t.Fatal(err)
		}
		if m.Type == chromedp.ConsoleDebug && m.Text == consoleEnd {
			break
		}
		if m.Type == chromedp.ConsoleError || m.Type == "assert" || m.IsException() {
			res.consoleErrors = append(res.consoleErrors, m.String())
		}
	}
	mu.Lock()
	defer mu.Unlock()
	return res
}

// screenshotDir is where screenshots go: $TOPICMILL_SCREENSHOT_DIR, or a temporary directory.
func screenshotDir(t *testing.T) string {
	if dir := os.Getenv("TOPICMILL_SCREENSHOT_DIR"); dir != "" {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		return dir
	}
	return t.TempDir()
}

// offline reports the requests that went anywhere but file: and data: URLs.
func offline(reqs []string) (bad []string) {
	for _, u := range reqs {
		if !strings.HasPrefix(u, "file:") && !strings.HasPrefix(u, "data:") {
			bad = append(bad, u)
		}
	}
	return bad
}

// TestReportInChromium opens report.html in headless Chromium at desktop,
// phone and print sizes: it must load fast, log no error, request nothing
// from the network, and leave a screenshot to look at.
func TestReportInChromium(t *testing.T) {
	bin := chromium(t)
	dir := t.TempDir()
	page := filepath.Join(dir, "report.html")
	run := sampleRun()
	run.Topics[1].Representatives[0].Snippet = hostile
	if err := WriteHTML(page, run); err != nil {
		t.Fatal(err)
	}
	wide := filepath.Join(dir, "report-k20.html")
	if err := WriteHTML(wide, wideRun(20)); err != nil {
		t.Fatal(err)
	}
	shots := screenshotDir(t)
	for _, tc := range []struct {
		name   string
		page   string
		width  int64
		height int64
		print  bool
	}{
		{"desktop", page, 1280, 2000, false},
		{"phone", page, 390, 844, false},
		{"print", page, 900, 1200, true},
		{"k20", wide, 1280, 2000, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res := load(t, bin, "file://"+tc.page, view{width: tc.width, height: tc.height, fullPage: true, print: tc.print})
			t.Logf("%s: loaded in %v (page's own load event at %v), %d requests", tc.name, res.loadTime, res.pageLoad, len(res.requests))
			if len(res.consoleErrors) > 0 {
				t.Errorf("console errors: %q", res.consoleErrors)
			}
			if bad := offline(res.requests); len(bad) > 0 {
				t.Errorf("network requests: %q", bad)
			}
			if len(res.requests) == 0 {
				t.Errorf("no request recorded, not even the page: the watcher is broken")
			}
			if want := "testdata/news · topicmill report"; res.title != want {
				t.Errorf("title = %q, want %q", res.title, want)
			}
			if res.loadTime > 2*time.Second {
				t.Errorf("load took %v, want under 2 s", res.loadTime)
			}
			shot := filepath.Join(shots, "report-"+tc.name+".png")
			if err := os.WriteFile(shot, res.screenshot, 0o644); err != nil {
				t.Fatal(err)
			}
			t.Logf("screenshot: %s (%d bytes)", shot, len(res.screenshot))
		})
	}
}

// TestBrowserWatcherCatchesProblems makes sure the checks above can fail: a
// page with a script error and a network image must be reported.
func TestBrowserWatcherCatchesProblems(t *testing.T) {
	bin := chromium(t)
	page := filepath.Join(t.TempDir(), "bad.html")
	html := `<!DOCTYPE html><title>bad</title><img src="http://127.0.0.1:9/x.png"><script>console.error("boom")</script>`
	if err := os.WriteFile(page, []byte(html), 0o644); err != nil {
		t.Fatal(err)
	}
	res := load(t, bin, "file://"+page, view{width: 400, height: 300})
	if bad := offline(res.requests); len(bad) != 1 || bad[0] != "http://127.0.0.1:9/x.png" {
		t.Errorf("network requests = %q, want the one image", bad)
	}
	found := false
	for _, e := range res.consoleErrors {
		found = found || strings.Contains(e, "boom")
	}
	if !found {
		t.Errorf("console errors = %q, want one with boom", res.consoleErrors)
	}
}

// TestReportFileInChromium opens a report written by a real run, named by
// $TOPICMILL_REPORT (`make check-report REPORT=out/20news/report.html`), and
// holds it to the same rules: under 2 s, no console error, nothing fetched.
func TestReportFileInChromium(t *testing.T) {
	page := os.Getenv("TOPICMILL_REPORT")
	if page == "" {
		t.Skip("set TOPICMILL_REPORT to a report.html to check it")
	}
	bin := chromium(t)
	abs, err := filepath.Abs(page)
	if err != nil {
		t.Fatal(err)
	}
	res := load(t, bin, "file://"+abs, view{width: 1280, height: 2000, fullPage: true})
	t.Logf("%s: loaded in %v (page's own load event at %v), %d requests", page, res.loadTime, res.pageLoad, len(res.requests))
	if len(res.consoleErrors) > 0 {
		t.Errorf("console errors: %q", res.consoleErrors)
	}
	if bad := offline(res.requests); len(bad) > 0 {
		t.Errorf("network requests: %q", bad)
	}
	if res.loadTime > 2*time.Second {
		t.Errorf("load took %v, want under 2 s", res.loadTime)
	}
	shot := filepath.Join(screenshotDir(t), "report-file.png")
	if err := os.WriteFile(shot, res.screenshot, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("screenshot: %s", shot)
}
