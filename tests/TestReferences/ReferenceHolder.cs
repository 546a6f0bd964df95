namespace TestReferences;

// This project exists for its resolved references (obj/references.txt); it needs one type to compile.
internal static class ReferenceHolder
{
}
