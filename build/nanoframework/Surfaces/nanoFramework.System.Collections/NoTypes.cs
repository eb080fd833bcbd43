// Surface of nanoFramework.System.Collections 1.5.75 (nanoframework/System.Collections, tag v1.5.75,
// commit c334f95df155fb0546fc1461cd1b143afd637121; types under nanoFramework.System.Collections/Collections/).
// Deliberately empty: kiosk/Skold.Kiosk references the assembly, but no image code uses
// Hashtable, DictionaryEntry, IDictionary, IDictionaryEnumerator, Queue or Stack.
// Declare a type here (read at the tag) the day image code uses one.
