package dev.sluice.domain.model;

import java.util.Locale;

/** Whether a platform says a model is in memory. Platforms that do not say report {@link #UNKNOWN}. */
public enum ModelState {
    LOADED("loaded"),
    NOT_LOADED("not-loaded"),
    AVAILABLE("available"),
    UNKNOWN("unknown");

    private final String wireName;

    ModelState(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** Reads a platform's state word leniently: LM Studio says {@code not-loaded}, others {@code not_loaded}. */
    public static ModelState parse(String text) {
        if (text == null || text.isBlank()) {
            return UNKNOWN;
        }
        String t = text.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        for (ModelState state : values()) {
            if (state.wireName.equals(t)) {
                return state;
            }
        }
        return UNKNOWN;
    }
}
