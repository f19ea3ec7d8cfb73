package org.learnbox.bridge.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The manager's API as the runtime speaks it: the version it asks for, its filters, the engine's refusals in its words. */
class SwarmApiTest {
    private final StandInSwarm engine = newEngine();
    private final SwarmApi swarm = engine.api();

    private static StandInSwarm newEngine() {
        try {
            return new StandInSwarm();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @AfterEach
    void close() throws Exception {
        swarm.close();
        engine.close();
    }

    @Test
    void aServiceIsMadeOnceFoundByItsLabelsAndRemovedOnce() {
        ObjectNode spec = JsonMapper.builder().build().createObjectNode().put("Name", "box-sandbox-kim");
        spec.putObject("Labels").put("org.learnbox.box", "box").put("org.learnbox.user", "kim");
        assertThat(swarm.create(spec)).isTrue();
        assertThat(swarm.create(spec)).as("one of that name is there").isFalse();

        assertThat(swarm.services(Map.of("org.learnbox.box", "box"))).hasSize(1);
        assertThat(swarm.services(Map.of("org.learnbox.box", "other"))).isEmpty();
        assertThat(engine.calls).contains("GET /services?filters={\"label\":[\"org.learnbox.box=box\"]}");
        assertThat(swarm.service("box-sandbox-kim")).isPresent();

        swarm.remove("box-sandbox-kim");
        swarm.remove("box-sandbox-kim");
        assertThat(swarm.service("box-sandbox-kim")).isEmpty();
    }

    @Test
    void theEnginesRefusalCarriesItsStatusAndWords() {
        engine.refuseNext(400, "invalid mount config for type \"volume\": invalid mount target");
        assertThatThrownBy(swarm::nodes).isInstanceOfSatisfying(SwarmApi.Failure.class, failure -> {
            assertThat(failure.status()).isEqualTo(400);
            assertThat(failure.getMessage()).isEqualTo("invalid mount config for type \"volume\": invalid mount target");
        });
    }

    @Test
    void anEngineThatDoesNotAnswerFailsWithTheConnection() {
        engine.close();
        // DockerErrors tells a silent engine by an IOException among the causes.
        assertThatThrownBy(swarm::nodes).satisfies(failure ->
                assertThat(org.learnbox.bridge.config.Causes.any(failure, java.io.IOException.class)).isTrue());
    }
}
