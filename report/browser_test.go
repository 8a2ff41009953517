package report

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/topicmill/topicmill/tools/browser"
)

// chromium returns the browser binary, skipping the test when it is missing
// locally and failing it under CI=true, where the Makefile installs it.
func chromium(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("browser test skipped in -short mode")
	}
	path, err := exec.LookPath(browser.DefaultChromium)
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
		width  int
		height int
		print  bool
	}{
		{"desktop", page, 1280, 2000, false},
		{"phone", page, 390, 844, false},
		{"print", page, 900, 1200, true},
		{"k20", wide, 1280, 2000, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
			defer cancel()
			res, err := browser.Load(ctx, browser.Options{
				Chromium: bin, URL: "file://" + tc.page, Width: tc.width, Height: tc.height, FullPage: true, Print: tc.print,
			})
			if err != nil {
				t.Fatal(err)
			}
			t.Logf("%s: loaded in %v (page's own load event at %v), %d requests", tc.name, res.LoadTime, res.PageLoad, len(res.Requests))
			if len(res.ConsoleErrors) > 0 {
				t.Errorf("console errors: %q", res.ConsoleErrors)
			}
			if bad := offline(res.Requests); len(bad) > 0 {
				t.Errorf("network requests: %q", bad)
			}
			if len(res.Requests) == 0 {
				t.Errorf("no request recorded, not even the page: the watcher is broken")
			}
			if want := "testdata/news · topicmill report"; res.Title != want {
				t.Errorf("title = %q, want %q", res.Title, want)
			}
			if res.LoadTime > 2*time.Second {
				t.Errorf("load took %v, want under 2 s", res.LoadTime)
			}
			shot := filepath.Join(shots, "report-"+tc.name+".png")
			if err := os.WriteFile(shot, res.Screenshot, 0o644); err != nil {
				t.Fatal(err)
			}
			t.Logf("screenshot: %s (%d bytes)", shot, len(res.Screenshot))
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
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	res, err := browser.Load(ctx, browser.Options{Chromium: bin, URL: "file://" + page, Width: 400, Height: 300})
	if err != nil {
		t.Fatal(err)
	}
	if bad := offline(res.Requests); len(bad) != 1 || bad[0] != "http://127.0.0.1:9/x.png" {
		t.Errorf("network requests = %q, want the one image", bad)
	}
	found := false
	for _, e := range res.ConsoleErrors {
		found = found || strings.Contains(e, "boom")
	}
	if !found {
		t.Errorf("console errors = %q, want one with boom", res.ConsoleErrors)
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
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	res, err := browser.Load(ctx, browser.Options{Chromium: bin, URL: "file://" + abs, FullPage: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%s: loaded in %v (page's own load event at %v), %d requests", page, res.LoadTime, res.PageLoad, len(res.Requests))
	if len(res.ConsoleErrors) > 0 {
		t.Errorf("console errors: %q", res.ConsoleErrors)
	}
	if bad := offline(res.Requests); len(bad) > 0 {
		t.Errorf("network requests: %q", bad)
	}
	if res.LoadTime > 2*time.Second {
		t.Errorf("load took %v, want under 2 s", res.LoadTime)
	}
	shot := filepath.Join(screenshotDir(t), "report-file.png")
	if err := os.WriteFile(shot, res.Screenshot, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("screenshot: %s", shot)
}
