/** Post and product aggregates and the named rules of content: visibility validation and the access policy. */
package io.hyperx.content.domain;
