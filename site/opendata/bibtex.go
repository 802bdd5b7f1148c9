package opendata

import (
	"bytes"
	"fmt"
	"strings"
	"time"
)

// encodeBibTeX writes the treaty's reference as one BibTeX entry, for
// LaTeX with BibTeX or biblatex. BibTeX has no type for a treaty, and
// @misc is the one every style prints: it says where the text is published
// in howpublished, which the styles print as it is, and the day of
// adoption as year and month, with biblatex's date beside them.
func encodeBibTeX(it cslItem) []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, "@misc{%s,\n", it.ID)
	field := func(name, value string) {
		if value != "" {
			fmt.Fprintf(&b, "  %s = %s,\n", name, value)
		}
	}
	// Double braces keep a title's capitals, which styles would lower.
	field("title", "{{"+bibText(it.Title)+"}}")
	if it.TitleShort != "" {
		field("shorttitle", "{{"+bibText(it.TitleShort)+"}}")
	}
	if it.ContainerTitle != "" {
		published := bibText(it.ContainerTitle)
		if it.Volume != "" {
			published += ", vol.~" + bibText(it.Volume)
		}
		if it.Page != "" {
			published += ", p.~" + bibText(it.Page)
		}
		field("howpublished", "{"+published+"}")
	}
	if d := it.Issued; d != nil && len(d.DateParts) == 1 && len(d.DateParts[0]) == 3 {
		p := d.DateParts[0]
		field("year", fmt.Sprintf("{%04d}", p[0]))
		// The month macros, jan to dec, print in the style's language.
		field("month", strings.ToLower(time.Month(p[1]).String()[:3]))
		field("date", fmt.Sprintf("{%04d-%02d-%02d}", p[0], p[1], p[2]))
	}
	if it.URL != "" {
		// url is read verbatim, by the url package and by biblatex.
		field("url", "{"+it.URL+"}")
	}
	b.WriteString("}\n")
	return b.Bytes()
}

// bibText escapes the characters that TeX reads as commands or that
// would end a field.
func bibText(s string) string {
	var b strings.Builder
	for _, r := range strings.Join(strings.Fields(s), " ") {
		switch r {
		case '\\':
			b.WriteString(`\textbackslash{}`)
		case '{', '}', '%', '&', '$', '#', '_':
			b.WriteByte('\\')
			b.WriteRune(r)
		case '~':
			b.WriteString(`\textasciitilde{}`)
		case '^':
			b.WriteString(`\textasciicircum{}`)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}
