package dev.sluice.adapters.http.in.status;

import dev.sluice.adapters.http.in.models.Formats;
import dev.sluice.adapters.http.in.models.JsonResponses;
import dev.sluice.adapters.http.in.models.ModelListView;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** Everything no route claims: a JSON 404 naming the path, never Jetty's HTML page. */
final class NotFoundServlet extends HttpServlet {

    private final transient JsonResponses json;

    NotFoundServlet(JsonResponses json) {
        this.json = json;
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        json.error(response, 404, "not_found", "no route for " + request.getMethod() + " " + request.getRequestURI());
    }
}
