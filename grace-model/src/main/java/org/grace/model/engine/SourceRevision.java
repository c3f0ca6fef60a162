package org.grace.model.engine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The source revision results were produced from, for provenance: the git commit of the working
 * directory, marked {@code -dirty} when tracked files differ from it, or {@code unknown} outside a
 * git checkout (a copied source tree, no git installed).
 */
public final class SourceRevision {

    private SourceRevision() {
    }

    /** The 40-hex commit, with {@code -dirty} appended when the tracked files were modified. */
    public static String commit() {
        String head = git("rev-parse", "HEAD");
        if (head == null || !head.matches("[0-9a-f]{40}")) {
            return "unknown";
        }
        String status = git("status", "--porcelain", "--untracked-files=no");
        return status == null || status.isEmpty() ? head : head + "-dirty";
    }

    private static String git(String... args) {
        String[] command = new String[args.length + 1];
        command[0] = "git";
        System.arraycopy(args, 0, command, 1, args.length);
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            return p.waitFor() == 0 ? out : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
