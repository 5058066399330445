package dev.sluice.domain.routing;

/** The discovery strategy wants the model lists refreshed before it decides; the caller refreshes and asks again. */
public record RefreshFirst(String strategy, String reason) implements RoutingDecision {

    @Override
    public String outcome() {
        return "refresh";
    }
}
