// Package e2e tests the whole site: it builds the real content in
// content/, checks the output files (provision ids, links, verbatim treaty
// text, reproducibility) and drives the served site in headless Chromium.
// It holds only tests.
package e2e
