package org.library.web.faces;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.enterprise.context.SessionScoped;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The web application is {@code <distributable/>}: on a cluster its sessions live in the data grid
 * and move to another instance when theirs is lost (docs/operations.md, "Scale-out"). What Faces keeps there —
 * the view-scoped and session-scoped backing beans, with everything they hold — must therefore be
 * serializable, or the session cannot be copied. Injected fields are the container's serializable
 * proxies (Weld checks them at deployment); every other field is checked here, down to the type
 * arguments of its collections (the entities a page holds, for instance).
 */
class SessionStateSerializableTest {

    @Test
    void everyFieldOfASessionHeldBeanIsSerializable() throws Exception {
        List<Class<?>> beans = sessionHeldBeans();
        assertThat(beans).as("the view-scoped backing beans were found").hasSizeGreaterThan(10);

        List<String> problems = new ArrayList<>();
        for (Class<?> bean : beans) {
            if (!Serializable.class.isAssignableFrom(bean)) {
                problems.add(bean.getName() + " is not Serializable");
            }
            for (Class<?> c = bean; c != null && c != Object.class; c = c.getSuperclass()) {
                for (Field field : c.getDeclaredFields()) {
                    int modifiers = field.getModifiers();
                    if (Modifier.isStatic(modifiers) || Modifier.isTransient(modifiers)
                            || field.isAnnotationPresent(Inject.class) || field.isSynthetic()) {
                        continue;
                    }
                    notSerializable(field.getGenericType(), new ArrayList<>())
                            .forEach(type -> problems.add(bean.getSimpleName() + "." + field.getName() + ": " + type));
                }
            }
        }
        assertThat(problems).as("state a replicated session could not carry").isEmpty();
    }

    @Test
    void theLoggedInCallerSurvivesACopyOfTheSession() throws Exception {
        Class<?> type = Class.forName("org.library.web.security.LibraryAuthenticationMechanism$SessionCaller");
        var constructor = type.getDeclaredConstructor(String.class, Set.class, int.class);
        constructor.setAccessible(true);
        Object caller = constructor.newInstance("m000101", Set.of("MEMBER"), 3);

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(caller);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            assertThat(in.readObject()).isEqualTo(caller);
        }
    }

    /** The types in {@code type} (itself, its type arguments) that a session could not serialize. */
    private static List<String> notSerializable(Type type, List<String> found) {
        if (type instanceof Class<?> c) {
            boolean ok = c.isPrimitive() || c.isEnum() || Serializable.class.isAssignableFrom(c)
                    // collection interfaces: the implementations in use (ArrayList, List.of, HashMap, …)
                    // are serializable; their element types are checked below
                    || Collection.class.isAssignableFrom(c) && c.isInterface()
                    || Map.class.isAssignableFrom(c) && c.isInterface();
            if (!ok) {
                found.add(c.getName());
            }
        } else if (type instanceof ParameterizedType p) {
            notSerializable(p.getRawType(), found);
            for (Type argument : p.getActualTypeArguments()) {
                notSerializable(argument, found);
            }
        } else if (type instanceof WildcardType w) {
            for (Type bound : w.getUpperBounds()) {
                if (bound != Object.class) {
                    notSerializable(bound, found);
                }
            }
        } else if (!(type instanceof TypeVariable<?>)) {
            found.add(type.getTypeName());
        }
        return found;
    }

    /** The compiled classes of this package that are view- or session-scoped. */
    private static List<Class<?>> sessionHeldBeans() throws IOException, URISyntaxException, ClassNotFoundException {
        Path dir = Path.of(HomeBacking.class.getResource("HomeBacking.class").toURI()).getParent();
        List<Class<?>> beans = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class") && !f.toString().contains("$")).toList()) {
                String name = file.getFileName().toString();
                Class<?> c = Class.forName(HomeBacking.class.getPackageName() + "." + name.substring(0, name.length() - 6));
                if (c.isAnnotationPresent(ViewScoped.class) || c.isAnnotationPresent(SessionScoped.class)) {
                    beans.add(c);
                }
            }
        }
        return beans;
    }
}
