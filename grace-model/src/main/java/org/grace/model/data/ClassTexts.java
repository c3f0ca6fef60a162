package org.grace.model.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Class names and prompt templates of a classification task, the inputs of a zero-shot head
 * (CLIP's {@code zeroshot_classifier}: per class, the mean normalised text embedding of
 * {@code template.format(name)} over all templates).
 *
 * <p>Templates contain exactly one {@code {}} placeholder, as in OpenAI's prompt lists.
 *
 * @param classNames names in label order
 * @param templates  prompt templates
 */
public record ClassTexts(List<String> classNames, List<String> templates) {

    public ClassTexts {
        classNames = List.copyOf(classNames);
        templates = List.copyOf(templates);
        if (classNames.isEmpty()) {
            throw new IllegalArgumentException("class names must not be empty");
        }
        if (templates.isEmpty()) {
            throw new IllegalArgumentException("templates must not be empty");
        }
        for (String template : templates) {
            int first = template.indexOf("{}");
            if (first < 0 || template.indexOf("{}", first + 1) >= 0) {
                throw new IllegalArgumentException("template must contain exactly one {}: '" + template + "'");
            }
        }
    }

    /** Every template filled with the name of class {@code label}. */
    public List<String> prompts(int label) {
        String name = classNames.get(label);
        List<String> prompts = new ArrayList<>(templates.size());
        for (String template : templates) {
            prompts.add(template.replace("{}", name));
        }
        return prompts;
    }

    /** Loads two resource files (one entry per non-blank line, UTF-8) relative to {@code anchor}. */
    public static ClassTexts fromResources(Class<?> anchor, String classNamesResource, String templatesResource) {
        return new ClassTexts(readLines(anchor, classNamesResource), readLines(anchor, templatesResource));
    }

    /** Non-blank lines of a UTF-8 resource, trimmed; fails naming the resource if it is missing. */
    public static List<String> readLines(Class<?> anchor, String resource) {
        try (InputStream in = anchor.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("resource not found: " + resource + " (relative to "
                        + anchor.getPackageName() + ")");
            }
            List<String> lines = new ArrayList<>();
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    if (!line.isBlank()) {
                        lines.add(line.strip());
                    }
                }
            }
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read resource " + resource, e);
        }
    }
}
