package tokenize

import (
	"encoding/json"
	"reflect"
	"testing"
)

func TestConfigDefaultsAndJSONRoundTrip(t *testing.T) {
	tests := []struct {
		name string
		cfg  Config
		want Config
	}{
		{"zero value", Config{}, Config{Language: "english", MinLength: 2, MaxLength: 25}},
		{"explicit", Config{Language: " Swedish ", StopWords: []string{"Foo", "bar", "foo", " "}, NoStopWords: true, MinLength: 3, MaxLength: 9, NoStem: true},
			Config{Language: "swedish", StopWords: []string{"bar", "foo"}, NoStopWords: true, MinLength: 3, MaxLength: 9, NoStem: true}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := mustNew(t, tt.cfg).Config()
			if !reflect.DeepEqual(got, tt.want) {
				t.Fatalf("Config() = %+v, want %+v", got, tt.want)
			}
			data, err := json.Marshal(got)
			if err != nil {
				t.Fatal(err)
			}
			var back Config
			if err := json.Unmarshal(data, &back); err != nil {
				t.Fatal(err)
			}
			if again := mustNew(t, back).Config(); !reflect.DeepEqual(again, tt.want) {
				t.Fatalf("after JSON %s: Config() = %+v, want %+v", data, again, tt.want)
			}
		})
	}
}

func TestConfigReturnsACopy(t *testing.T) {
	a := mustNew(t, Config{StopWords: []string{"foo"}})
	a.Config().StopWords[0] = "changed"
	if got := a.Config().StopWords[0]; got != "foo" {
		t.Fatalf("Config().StopWords[0] = %q after changing a copy", got)
	}
}
