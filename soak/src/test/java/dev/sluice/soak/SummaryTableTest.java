package dev.sluice.soak;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SummaryTableTest {

    @Test
    void jettyConnectionDumpsOfOneErrorBlurToOneGroup() {
        String one = "EOFException: oejcti.HttpConnectionOverHTTP@35e09acf::oeji.SocketChannelEndPoint@31df18ab"
                + "[{l=/127.0.0.1:39180,r=/127.0.0.1:35837,ISHUT,to=27/60000}]";
        String two = "EOFException: oejcti.HttpConnectionOverHTTP@fa224f2::oeji.SocketChannelEndPoint@6864a32b"
                + "[{l=/127.0.0.1:39226,r=/127.0.0.1:35837,ISHUT,to=21/60000}]";

        assertThat(SummaryTable.blur(one)).isEqualTo(SummaryTable.blur(two)).startsWith("EOFException: oejcti.");
    }
}
