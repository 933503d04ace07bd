package dev.medic.packages.network.internal;

import java.io.IOException;

/** What a check says and expects after connecting, for one protocol. */
interface Dialogue {

    /** Refuses options that cannot work, before anything is sent; most protocols have none. */
    default void validate(TargetOptions options) {
    }

    /**
     * Reads the greeting and whatever else the protocol's check needs, failing the check when the
     * peer does not answer as expected.
     *
     * @return whether anything was exchanged; a telnet check without {@code expect} exchanges nothing
     */
    boolean converse(Conversation conversation, TargetOptions options) throws IOException;
}
