// Package provision is a goldmark extension that reads the numbered
// structure of a treaty article, "1.", "(a)", "(i)", into nested provisions,
// names each with its AKN4UN identifier and renders it as a linkable block.
// Points may also be written "a.", "i.", as translations such as the Dutch
// one number them; the identifiers are the same either way.
//
// Each provision is one line starting with its marker at the top level of
// the document; it may be soft-wrapped, and a blank line or the next marker
// line ends it. Unnumbered text before the first provision is the article's
// own; unnumbered text after one continues the innermost provision open. A
// line that must start with "(b) ", "b. " or "2. " as plain text escapes it:
// "\(b) ", "b\. ", "2\. ".
//
// The caller names the article per parse with SetRoot and reads numbering
// faults back with Problems. The extension changes what "1. " means, so it
// must only be added to the goldmark instance that renders article bodies:
// anywhere else such a line is an ordered list.
package provision
