package dev.sluice.application.port.in;

import dev.sluice.domain.endpoint.TrafficSnapshot;
import dev.sluice.domain.endpoint.Endpoint;

/** Reads request figures per endpoint and in total. Lock-free; figures are current, not one instant's. */
public interface ReportTraffic {

    TrafficSnapshot of(Endpoint endpoint);

    TrafficSnapshot total();
}
