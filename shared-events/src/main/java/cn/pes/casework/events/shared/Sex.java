package cn.pes.casework.events.shared;

/** Sex as encoded in the 17th character of the resident ID number. */
public enum Sex {
    MALE, FEMALE
}
