namespace Skold.Gateway;

/// <summary>One node's place on the map, from the positions file.</summary>
public sealed record NodePosition(int Id, string Name, double Lat, double Lon);
