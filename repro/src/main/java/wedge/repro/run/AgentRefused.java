package wedge.repro.run;

/**
 * The agent in a child stopped the JVM before the workload began, refusing what it was given (a bad option, a dump
 * directory it cannot write): bad input, not a run's result. Its message is the agent's own line.
 */
public final class AgentRefused extends RuntimeException {
    private static final long serialVersionUID = 1L;

    AgentRefused(String agentLine) {
        super(agentLine);
    }
}
