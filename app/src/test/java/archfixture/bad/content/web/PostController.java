package archfixture.bad.content.web;

public class PostController {
}
