/** Deliberate violations of the context boundaries, to prove each ArchUnit rule can fail. Never imported by code. */
package archfixture.bad;
