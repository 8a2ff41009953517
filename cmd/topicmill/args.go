package main

import (
	"strings"

	"github.com/urfave/cli/v2"
)

// interspersed moves a sub-command's flags in front of its positional
// arguments, so that `topicmill run CORPUS --k 20` works as well as
// `topicmill run --k 20 CORPUS` (urfave/cli stops parsing flags at the first
// positional argument). A nested sub-command (`topicmill recommend fit
// RATINGS --k 10`) is followed down first: its flags move to just after its
// name. Everything after "--" stays as it is.
func interspersed(app *cli.App, args []string) []string {
	if len(args) < 2 {
		return args
	}
	cmd := app.Command(args[1])
	if cmd == nil {
		return args
	}
	n := 2 // args[:n] are the program and the command's path
	for n < len(args) {
		sub := subcommand(cmd, args[n])
		if sub == nil {
			break
		}
		cmd, n = sub, n+1
	}
	takesValue := map[string]bool{}
	for _, f := range cmd.Flags {
		v := false
		if d, ok := f.(cli.DocGenerationFlag); ok {
			v = d.TakesValue()
		}
		for _, name := range f.Names() {
			takesValue[name] = v
		}
	}
	var flags, positional []string
	rest := args[n:]
	for i := 0; i < len(rest); i++ {
		a := rest[i]
		if a == "--" {
			positional = append(positional, rest[i:]...)
			break
		}
		if !strings.HasPrefix(a, "-") || a == "-" {
			positional = append(positional, a)
			continue
		}
		flags = append(flags, a)
		name := strings.TrimLeft(a, "-")
		if !strings.Contains(name, "=") && takesValue[name] && i+1 < len(rest) {
			i++
			flags = append(flags, rest[i])
		}
	}
	out := append(append([]string(nil), args[:n]...), flags...)
	return append(out, positional...)
}

// subcommand returns the sub-command of cmd called name, or nil.
func subcommand(cmd *cli.Command, name string) *cli.Command {
	for _, sub := range cmd.Subcommands {
		if sub.HasName(name) {
			return sub
		}
	}
	return nil
}
