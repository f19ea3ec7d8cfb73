package org.learnbox.bridge.snippet;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * New snippets that start as a small live app: a web page, a Python server, a Java server. Each
 * serves as it is, so "Publish" works at once, and each says in its own comments where to change it.
 */
enum SnippetStarters {
    WEB_PAGE("web-page", Language.WEB,
            new SnippetFile("index.html", """
                    <!DOCTYPE html>
                    <html lang="en">
                    <head>
                      <meta charset="utf-8">
                      <title>My page</title>
                      <link rel="stylesheet" href="style.css">
                    </head>
                    <body>
                      <h1>My page</h1>
                      <p>Change the words here, the colours in style.css, what the button does in script.js.</p>
                      <button id="count">Clicked 0 times</button>
                      <script src="script.js"></script>
                    </body>
                    </html>
                    """),
            new SnippetFile("style.css", """
                    body { font-family: sans-serif; max-width: 40rem; margin: 2rem auto; }
                    h1 { color: #175cd3; }
                    button { font-size: 1.1rem; padding: .5rem 1rem; }
                    """),
            new SnippetFile("script.js", """
                    let clicks = 0;
                    const button = document.getElementById("count");
                    button.addEventListener("click", () => {
                      clicks += 1;
                      button.textContent = `Clicked ${clicks} times`;
                    });
                    """)),
    PYTHON_SERVER("python-server", Language.PYTHON,
            new SnippetFile("app.py", """
                    # A web server: each visitor's browser asks it for a page, and it answers.
                    # Publish it, then open its address; change what answer() says and publish again.
                    import http.server
                    import os


                    def answer(path):
                        return f"<h1>Hello from Python!</h1><p>You asked for {path}</p>"


                    class Pages(http.server.BaseHTTPRequestHandler):
                        def do_GET(self):
                            body = answer(self.path).encode("utf-8")
                            self.send_response(200)
                            self.send_header("Content-Type", "text/html; charset=utf-8")
                            self.send_header("Content-Length", str(len(body)))
                            self.end_headers()
                            self.wfile.write(body)


                    http.server.ThreadingHTTPServer(("0.0.0.0", int(os.environ.get("PORT", "8080"))), Pages).serve_forever()
                    """)),
    JAVA_SERVER("java-server", Language.JAVA,
            new SnippetFile("Main.java", """
                    import com.sun.net.httpserver.HttpServer;
                    import java.net.InetSocketAddress;
                    import java.nio.charset.StandardCharsets;

                    /** A web server: each visitor's browser asks it for a page, and it answers. Publish it, then open its address. */
                    public class Main {
                        static String answer(String path) {
                            return "<h1>Hello from Java!</h1><p>You asked for " + path + "</p>";
                        }

                        public static void main(String[] args) throws Exception {
                            int port = Integer.parseInt(System.getenv().getOrDefault("PORT", "8080"));
                            HttpServer server = HttpServer.create(new InetSocketAddress(port), 0);
                            server.createContext("/", exchange -> {
                                byte[] body = answer(exchange.getRequestURI().getPath()).getBytes(StandardCharsets.UTF_8);
                                exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
                                exchange.sendResponseHeaders(200, body.length);
                                exchange.getResponseBody().write(body);
                                exchange.close();
                            });
                            server.start();
                        }
                    }
                    """));

    private final String id;
    private final Language language;
    private final List<SnippetFile> files;

    SnippetStarters(String id, Language language, SnippetFile... files) {
        this.id = id;
        this.language = language;
        this.files = List.of(files);
    }

    String id() {
        return id;
    }

    Language language() {
        return language;
    }

    static Optional<SnippetStarters> of(String id) {
        return Arrays.stream(values()).filter(starter -> starter.id.equals(id)).findFirst();
    }

    /** A new snippet with the starter's files, the page or the server first. */
    SnippetForm form() {
        return SnippetForm.of(language, files);
    }

    List<SnippetFile> files() {
        return files;
    }
}
