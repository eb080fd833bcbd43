using System;
using Skold.Codec;

namespace Skold.Council
{
    /// <summary>
    /// TEAM_ACTIVATION: which community teams work at which stations or areas, and when.
    /// Body: station list, area list, team list (IdList each), from (uint32), until (uint32).
    /// </summary>
    public sealed class TeamActivationBody : IOrderBody
    {
        public TeamActivationBody(int[] stations, int[] areas, int[] teams, uint from, uint until)
        {
            if (!IdList.IsValid(stations) || !IdList.IsValid(areas) || !IdList.IsValid(teams))
            {
                throw new ArgumentException("station, area and team numbers are 0..65535, each once, in increasing order, at most " + IdList.MaxCount);
            }
            if (stations.Length + areas.Length == 0 || teams.Length == 0)
            {
                throw new ArgumentException("a team activation names at least one station or area and at least one team");
            }
            if (until <= from)
            {
                throw new ArgumentException("a team activation must end after it begins", nameof(until));
            }
            Stations = stations;
            Areas = areas;
            Teams = teams;
            From = from;
            Until = until;
        }

        public int[] Stations { get; }

        public int[] Areas { get; }

        public int[] Teams { get; }

        public uint From { get; }

        public uint Until { get; }

        public void Write(ByteWriter writer)
        {
            IdList.Write(writer, Stations);
            IdList.Write(writer, Areas);
            IdList.Write(writer, Teams);
            writer.WriteUInt32(From);
            writer.WriteUInt32(Until);
        }

        public static TeamActivationBody Read(ByteReader reader)
        {
            int[] stations = IdList.Read(reader, "team activation stations");
            int[] areas = IdList.Read(reader, "team activation areas");
            int[] teams = IdList.Read(reader, "team activation teams");
            uint from = reader.ReadUInt32("team activation from");
            uint until = reader.ReadUInt32("team activation until");
            if (stations.Length + areas.Length == 0 || teams.Length == 0)
            {
                throw new MalformedDataException("team activation: needs a station or area and a team");
            }
            if (until <= from)
            {
                throw new MalformedDataException("team activation: ends before it begins");
            }
            return new TeamActivationBody(stations, areas, teams, from, until);
        }
    }
}
