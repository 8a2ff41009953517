package recommend

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// TestSaveLoad saves a fitted model, loads it back whole, and refuses
// every kind of damage with ErrModel.
func TestSaveLoad(t *testing.T) {
	r, _ := smallPlant.generate()
	m, err := Fit(context.Background(), r, Options{K: 3, Iterations: 3})
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if err := m.Save(dir); err != nil {
		t.Fatal(err)
	}
	for _, path := range []string{dir, filepath.Join(dir, ModelFile)} {
		got, err := Load(path)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, m) {
			t.Errorf("Load(%s) differs from the model saved", path)
		}
	}
	body, _ := os.ReadFile(filepath.Join(dir, ModelFile))
	data, _ := os.ReadFile(filepath.Join(dir, DataFile))
	flipped := bytes.Clone(data)
	flipped[len(flipped)/2] ^= 1
	cases := []struct {
		name       string
		body, data []byte
		want       string
	}{
		{"a flipped bit in the numbers", body, flipped, "checksum mismatch"},
		{"numbers cut short", body, data[:len(data)-8], "bytes, want"},
		{"another format", bytes.Replace(body, []byte(`"format":1`), []byte(`"format":7`), 1), data, "format 7"},
		{"an edited mean", bytes.Replace(body, []byte(`"mean":`), []byte(`"mean":1`), 1), data, "checksum mismatch"},
		{"not JSON", []byte("{"), data, "unexpected end"},
	}
	for _, c := range cases {
		d := t.TempDir()
		os.WriteFile(filepath.Join(d, ModelFile), c.body, 0o644)
		os.WriteFile(filepath.Join(d, DataFile), c.data, 0o644)
		if _, err := Load(d); !errors.Is(err, ErrModel) || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: err = %v, want ErrModel and %q", c.name, err, c.want)
		}
	}
	if _, err := Load(t.TempDir()); !errors.Is(err, ErrModel) || !errors.Is(err, os.ErrNotExist) {
		t.Errorf("empty folder: err = %v", err)
	}
}

// TestTop checks that Top lists unrated items only, best first, and that
// its scores are the clipped predictions.
func TestTop(t *testing.T) {
	r, _ := smallPlant.generate()
	m, err := Fit(context.Background(), r, Options{K: 3, Iterations: 5})
	if err != nil {
		t.Fatal(err)
	}
	user := m.Users[5]
	top, err := m.Top(user, 20)
	if err != nil || len(top) != 20 {
		t.Fatalf("Top = %d items, %v", len(top), err)
	}
	cols, _ := m.Rated.Row(5)
	rated := map[string]bool{}
	for _, i := range cols {
		rated[m.Items[i]] = true
	}
	for n, s := range top {
		if rated[s.Item] {
			t.Errorf("Top lists %s, which %s rated", s.Item, user)
		}
		if p := m.Predict(user, s.Item).Rating; s.Score != p {
			t.Errorf("Top's score of %s is %v, Predict says %v", s.Item, s.Score, p)
		}
		if n > 0 && s.Score > top[n-1].Score {
			t.Errorf("Top is out of order at %d: %v after %v", n, s.Score, top[n-1].Score)
		}
	}
	if all, _ := m.Top(user, 1<<20); len(all) != len(m.Items)-len(cols) {
		t.Errorf("Top of all: %d items, want %d unrated", len(all), len(m.Items)-len(cols))
	}
}

// TestEvaluateFolds checks the fold sizes (Surprise's KFold: the first
// n mod folds folds one larger), that every rating is tested once, and
// that the same seed gives the same scores.
func TestEvaluateFolds(t *testing.T) {
	r, _ := smallPlant.generate()
	r = r.Subset(seq(103))
	opts := Options{K: 2, Iterations: 2, Workers: 1}
	ev, err := Evaluate(context.Background(), r, opts, 5, 9)
	if err != nil {
		t.Fatal(err)
	}
	var sizes []int
	for _, f := range ev.Folds {
		sizes = append(sizes, f.Test)
		if f.Train+f.Test != 103 {
			t.Errorf("fold of %d + %d ratings", f.Train, f.Test)
		}
	}
	if want := []int{21, 21, 21, 20, 20}; !reflect.DeepEqual(sizes, want) {
		t.Errorf("fold sizes %v, want %v", sizes, want)
	}
	again, _ := Evaluate(context.Background(), r, Options{K: 2, Iterations: 2, Workers: 3}, 5, 9)
	if again.RMSE != ev.RMSE || again.MAE != ev.MAE {
		t.Errorf("the same seed gave RMSE %v and %v", ev.RMSE, again.RMSE)
	}
	if other, _ := Evaluate(context.Background(), r, opts, 5, 10); other.RMSE == ev.RMSE {
		t.Error("seeds 9 and 10 gave the same RMSE")
	}
	for _, folds := range []int{1, 104} {
		if _, err := Evaluate(context.Background(), r, opts, folds, 0); !errors.Is(err, ErrInvalid) {
			t.Errorf("%d folds: err = %v", folds, err)
		}
	}
}

// seq returns 0, 1, …, n−1.
func seq(n int) []int {
	s := make([]int, n)
	for i := range s {
		s[i] = i
	}
	return s
}
