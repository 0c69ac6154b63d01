package wedge.agent.schedule;

import wedge.agent.runtime.ThreadState;

/**
 * One thread in the schedule. Every field but {@link #inside} and {@link #resumes} is guarded by the
 * {@link Scheduler}'s lock.
 */
final class Member {
    /** Where a member is in its life. */
    enum Status {
        /** Announced by its parent; has not reached its first point yet. */
        STARTING,
        /** Waiting at a point for its turn. */
        READY,
        /** Its turn: running between two points. */
        RUNNING,
        /** Blocked or running outside any point; it rejoins when it reaches one, which the seed did not choose. */
        LEFT,
        /** Terminated. */
        DONE
    }

    final ThreadState state;
    Status status;
    /** Where it waits, while {@link Status#READY}. */
    Arrival at;
    /** PCT: its priority; higher runs first. */
    long priority;
    /** Script: the hit of the last arrival a step was completed at, so no arrival completes two steps. */
    long consumedHit = -1;
    /** When it was announced, or last let run: the start of the stall clock. */
    long sinceNanos;
    /** Why it left, while {@link Status#LEFT}: said again if it comes back. */
    String leftReason;
    /** When it was first seen blocked (outside any point), 0 when it was not. */
    long blockedSinceNanos;
    /** Its {@link #resumes} when it was first seen blocked. */
    long blockedResumes;
    /** Whether it is inside the scheduler (at a point, deciding or waiting for its turn). */
    volatile boolean inside;
    /** How many times it has left the scheduler to run; tells two sightings of a blocked thread apart. */
    volatile long resumes;

    Member(ThreadState state, Status status, long now) {
        this.state = state;
        this.status = status;
        this.sinceNanos = now;
    }

    /** {@code T<ordinal> (name)}, for messages. */
    String describe() {
        return this + " (" + state.thread.getName() + ")";
    }

    /** {@code T<ordinal>}, as events and scripts name it. */
    @Override
    public String toString() {
        return "T" + state.ordinal;
    }
}
