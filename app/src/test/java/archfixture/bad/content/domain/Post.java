package archfixture.bad.content.domain;

import archfixture.bad.content.web.PostController;
import jakarta.persistence.Entity;

/** Violates (c): a domain class that is a JPA entity and knows a controller. */
@Entity
public class Post {

    PostController controller;
}
