package frontmatter

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/goccy/go-yaml/token"
	yamlv3 "go.yaml.in/yaml/v3"
)

// isNull reports whether n is a written-out null. An empty value is not
// accepted: goccy places one at the end of the input a column further.
func isNull(n *yamlv3.Node) bool {
	if n.Kind != yamlv3.ScalarNode || n.Style != 0 || n.Tag != "!!null" {
		return false
	}
	switch n.Value {
	case "null", "Null", "NULL", "~":
		return true
	}
	return false
}

// text checks a scalar decoded as text, into a string or through
// UnmarshalText. A plain scalar must be one goccy would not need to quote
// to keep it text: not a number, null, boolean (YAML 1.1's yes and no
// included) or anything goccy might read otherwise. A plain date is text
// to both.
func text(n *yamlv3.Node) error {
	if n.Kind != yamlv3.ScalarNode {
		return errors.New("not a scalar")
	}
	if n.Style != 0 {
		if n.Tag != "!!str" {
			return fmt.Errorf("quoted %s", n.Tag)
		}
		// An empty block scalar keeps its line break in goccy, and one of
		// blank lines alone kept by "+" is an error to it.
		if n.Style&(yamlv3.LiteralStyle|yamlv3.FoldedStyle) != 0 && strings.TrimSpace(n.Value) == "" {
			return errors.New("block scalar without text")
		}
		return nil
	}
	if n.Tag == "!!str" && (surelyText(n.Value) || !token.IsNeedQuoted(n.Value)) {
		return nil
	}
	if isDate(n.Value) {
		return nil
	}
	return fmt.Errorf("plain %q is not plainly text", n.Value)
}

// surelyText reports, cheaply, that goccy's token.IsNeedQuoted is false
// for s, as it is for most plain values; when it is not sure, it reports
// false, and IsNeedQuoted, which tries five time layouts on every value,
// decides. A value that starts with a letter is no number or date; one of
// six bytes or more, or with more than letters in it, is none of the
// reserved words (null, false, yes, ...); and without '#', '\\' or an
// indicator followed by a blank, and not ending in ':', it needs no quotes.
func surelyText(s string) bool {
	if s == "" || !isLetter(s[0]) || s[len(s)-1] == ':' {
		return false
	}
	if len(s) < 6 && strings.IndexFunc(s, func(r rune) bool { return r > 0x7f || !isLetter(byte(r)) }) < 0 {
		return false
	}
	for i := 1; i < len(s); i++ {
		switch s[i] {
		case '#', '\\', '\n':
			return false
		case ' ':
			if s[i-1] == ':' || s[i-1] == '-' {
				return false
			}
		}
	}
	return s[len(s)-1] != ' '
}

func isLetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }

// isDate reports whether s is a date written YYYY-MM-DD.
func isDate(s string) bool {
	_, err := time.Parse(time.DateOnly, s)
	return err == nil && len(s) == len(time.DateOnly)
}

// integer checks a scalar decoded into an int: a plain decimal without
// sign, leading zeros or underscores, which both read alike.
func integer(n *yamlv3.Node) error {
	if n.Kind != yamlv3.ScalarNode || n.Style != 0 || n.Tag != "!!int" {
		return errors.New("not a plain integer")
	}
	digits := strings.TrimPrefix(n.Value, "-")
	if digits == "" || (digits[0] == '0' && len(digits) > 1) || strings.Trim(digits, "0123456789") != "" {
		return fmt.Errorf("integer %q is not plain decimal", n.Value)
	}
	return nil
}

// boolean checks a scalar decoded into a bool: YAML 1.2's true or false,
// not YAML 1.1's yes, no, on or off, which yaml.v3 still accepts.
func boolean(n *yamlv3.Node) error {
	if n.Kind != yamlv3.ScalarNode || n.Style != 0 || n.Tag != "!!bool" {
		return errors.New("not a plain boolean")
	}
	switch n.Value {
	case "true", "True", "TRUE", "false", "False", "FALSE":
		return nil
	}
	return fmt.Errorf("boolean %q", n.Value)
}
