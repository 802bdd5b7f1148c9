package opendata

import (
	"bytes"
	"fmt"
	"strings"
)

// encodeRIS writes the treaty's reference as one RIS record, the format
// EndNote, Zotero, Mendeley and most other reference managers import. RIS
// has no type for a treaty; STAT (statute) is the one Zotero and EndNote
// read as legislation, with T2 as the code it is published in, VL as the
// code's volume and DA as the day it was enacted: here the series, its
// volume and the day of adoption. Lines end in CR LF, as the format says.
func encodeRIS(it cslItem) []byte {
	var b bytes.Buffer
	tag := func(name, value string) {
		if value = risValue(value); value != "" {
			fmt.Fprintf(&b, "%s  - %s\r\n", name, value)
		}
	}
	// No ID: Zotero's importer keeps a tag it does not know as a note,
	// and a reference manager names the record itself.
	tag("TY", "STAT")
	tag("TI", it.Title)
	tag("ST", it.TitleShort)
	tag("T2", it.ContainerTitle)
	tag("VL", it.Volume)
	tag("SP", it.Page)
	if d := it.Issued; d != nil && len(d.DateParts) == 1 && len(d.DateParts[0]) == 3 {
		p := d.DateParts[0]
		tag("PY", fmt.Sprintf("%04d", p[0]))
		tag("DA", fmt.Sprintf("%04d/%02d/%02d/", p[0], p[1], p[2]))
	}
	tag("LA", it.Language)
	tag("UR", it.URL)
	b.WriteString("ER  - \r\n")
	return b.Bytes()
}

// risValue is a value on one line: a record's fields are lines.
func risValue(s string) string {
	return strings.Join(strings.Fields(s), " ")
}
