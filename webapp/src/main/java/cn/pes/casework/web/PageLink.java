package cn.pes.casework.web;

import cn.pes.casework.security.Officer;

import java.util.function.Predicate;

/**
 * An entry of the main navigation. Each capability declares its pages as beans of this type in its
 * own section; the header shows a section only when the officer may open at least one of its links,
 * so a capability not built yet shows nothing rather than a page that leads nowhere.
 *
 * @param order      position within the section
 * @param messageKey the label
 * @param path       what the link opens; also what marks it as the current page
 * @param shownTo    the officers whose roles open the page (the route table decides access; this only
 *                   keeps links to closed pages out of sight)
 */
public record PageLink(NavigationSection section, int order, String messageKey, String path,
                       Predicate<Officer> shownTo) {

    public boolean isCurrent(String requestPath) {
        return requestPath != null && (requestPath.equals(path) || requestPath.startsWith(path + "/"));
    }
}
