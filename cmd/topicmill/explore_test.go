package main

import (
	"errors"
	"io"
	"os"
	"strings"
	"testing"
)

// stdout runs topicmill and returns what it printed on standard output.
func stdout(t *testing.T, args ...string) (string, error) {
	t.Helper()
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	saved := os.Stdout
	os.Stdout = w
	done := make(chan string)
	go func() {
		b, _ := io.ReadAll(r)
		done <- string(b)
	}()
	runErr := topicmill(t, args...)
	os.Stdout = saved
	w.Close()
	return <-done, runErr
}

// demoRunDir runs the demo corpus with six topics into a temporary folder.
func demoRunDir(t *testing.T) string {
	t.Helper()
	out := t.TempDir()
	if _, err := stdout(t, "run", demo, "--k", "6", "--out", out); err != nil {
		t.Fatal(err)
	}
	return out
}

func TestTopicsFindAndPerLabel(t *testing.T) {
	run := demoRunDir(t)
	cases := []struct {
		args []string
		want []string // lines that must appear, in this order
	}{
		{[]string{"--find", "rockets"}, []string{`"rockets" (term "rocket") is in 1 of 6 topics`, "orbital launch"}},
		{[]string{"--per-label"}, []string{"computing                        50 documents  ", "space                            50 documents  "}},
		{nil, []string{"topic  0  ", "topic  5  "}},
	}
	for _, c := range cases {
		out, err := stdout(t, append([]string{"topics", "--model", run}, c.args...)...)
		if err != nil {
			t.Fatalf("topics %v: %v", c.args, err)
		}
		rest := out
		for _, w := range c.want {
			i := strings.Index(rest, w)
			if i < 0 {
				t.Errorf("topics %v printed %q, lacking %q", c.args, out, w)
				break
			}
			rest = rest[i+len(w):]
		}
	}
	// Each subject is one topic: six labels, each wholly in one topic.
	if out, _ := stdout(t, "topics", "--model", run, "--per-label"); strings.Count(out, ": 100.0 %\n") != 6 {
		t.Errorf("per-label: %q, want six labels each 100 %% in one topic", out)
	}
	var usage usageError
	if _, err := stdout(t, "topics", "--model", run, "--find", "the"); exitCode(err) != exitInput {
		t.Errorf("find a stop word: %v, want an input error", err)
	}
	if _, err := stdout(t, "topics"); !errors.As(err, &usage) {
		t.Errorf("topics without --model: %v, want a usage error", err)
	}
}

func TestReduceCommand(t *testing.T) {
	run := demoRunDir(t)
	out := t.TempDir()
	printed, err := stdout(t, "reduce", "--model", run, "--to", "3", "--out", out)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(printed, "3 topics over 300 documents\n") || !strings.Contains(printed, "unassigned: 0 documents") {
		t.Errorf("reduce printed %q", printed)
	}
	listed := mustOut(t, "topics", "--model", out)
	if n := strings.Count(listed, "\n"); n != 3 {
		t.Errorf("the reduced model lists %d topics, want 3: %q", n, listed)
	}
	if _, err := stdout(t, "reduce", "--model", run, "--merge", "1,x", "--out", out); exitCode(err) != exitInput {
		t.Errorf("a bad --merge: %v, want an input error", err)
	}
	if _, err := stdout(t, "reduce", "--model", run, "--to", "2", "--merge", "1,2", "--out", out); exitCode(err) != exitInput {
		t.Errorf("--to with --merge: %v, want an input error", err)
	}
}

// mustOut is stdout that fails the test on an error.
func mustOut(t *testing.T, args ...string) string {
	t.Helper()
	out, err := stdout(t, args...)
	if err != nil {
		t.Fatal(err)
	}
	return out
}
