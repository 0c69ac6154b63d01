package wedge.agent.weave;

import java.lang.instrument.IllegalClassFormatException;
import java.security.ProtectionDomain;

/**
 * Weaves one class file: Byte Buddy's weaver seen through a type of the agent's own, so that what only serves
 * classes from the cache never names, and never loads, a Byte Buddy class.
 */
interface ClassWeaver {
    /** The class file woven, with what the weaving read; the arguments are those of a class file transformer. */
    Woven weave(Module module, ClassLoader loader, String internalName, Class<?> redefined, ProtectionDomain domain,
                byte[] classFile) throws IllegalClassFormatException;
}
