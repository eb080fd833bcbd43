using System;

namespace Skold.Board.Power
{
    /// <summary>
    /// Battery voltage from the ESP32's ADC, in integer millivolts. nanoFramework opens every ESP32
    /// ADC channel at 12 bits with 12 dB attenuation (ADC_ATTEN_DB_12, formerly "11 dB"; read in
    /// nf-interpreter a3e8139 targets/ESP32/_nanoCLR/System.Device.Adc/...AdcController.cpp),
    /// so a raw 0..4095 spans about 0..3.3 V at the pin (at that attenuation the top is limited
    /// by VDD_A, 3.3 V: ESP-IDF driver/adc.h notes). ESP-IDF gives the accurate range at this
    /// attenuation as 150..2450 mV; a 4.2 V cell through our dividers reads 1.31..2.1 V, inside it.
    /// Uncalibrated ESP32 ADCs differ by some percent between chips (the eFuse reference is not
    /// readable from nanoFramework): CalibrationPermille corrects a board measured against a meter.
    /// Thresholds for one Li-ion 18650 cell from the open-circuit-voltage table Meshtastic uses
    /// (meshtastic/firmware src/power.h OCV_ARRAY: 3420 mV = 20 %, 3300 mV = 10 %).
    /// </summary>
    public sealed class BatteryGauge
    {
        public const int AdcMaxRaw = 4095;
        public const int AdcFullScaleMillivolts = 3300;
        public const int LowMillivolts = 3420;
        public const int CriticalMillivolts = 3300;

        /// <summary>Below this no cell is connected (or the divider is open); above the top a cell cannot be.</summary>
        public const int PlausibleMinMillivolts = 2500;
        public const int PlausibleMaxMillivolts = 4500;

        /// <summary>How far above a threshold a reading must climb before the level gets better again (no LED flicker at the edge).</summary>
        public const int HysteresisMillivolts = 50;

        private readonly int _numerator;
        private readonly int _denominator;
        private int _level = BatteryLevel.Unknown;

        public BatteryGauge(int dividerNumerator, int dividerDenominator)
        {
            if (dividerNumerator < 1 || dividerDenominator < 1)
            {
                throw new ArgumentException("the battery divider ratio must be positive");
            }
            _numerator = dividerNumerator;
            _denominator = dividerDenominator;
        }

        /// <summary>Board correction in thousandths (1000 = none): the meter's reading over ours, times 1000.</summary>
        public int CalibrationPermille { get; set; } = 1000;

        /// <summary>The last reading's battery voltage in millivolts, 0 before the first.</summary>
        public int Millivolts { get; private set; }

        /// <summary>BatteryLevel of the last reading, with hysteresis.</summary>
        public int Level
        {
            get { return _level; }
        }

        /// <summary>Millivolts at the battery for one raw reading (0..4095), rounded to the nearest.</summary>
        public int ToMillivolts(int raw)
        {
            if (raw < 0 || raw > AdcMaxRaw)
            {
                throw new ArgumentOutOfRangeException(nameof(raw), "a 12-bit ADC reading is 0.." + AdcMaxRaw);
            }
            long scaled = (long)raw * AdcFullScaleMillivolts * _numerator * CalibrationPermille;
            long divisor = (long)AdcMaxRaw * _denominator * 1000;
            return (int)((scaled + divisor / 2) / divisor);
        }

        /// <summary>Takes the median of several raw readings (one ADC sample is noisy) and updates Millivolts and Level.</summary>
        public int Update(int[] raws, int count)
        {
            if (count < 1 || count > raws.Length)
            {
                throw new ArgumentOutOfRangeException(nameof(count));
            }
            int[] sorted = new int[count];
            Array.Copy(raws, sorted, count);
            for (int i = 1; i < count; i++)
            {
                int value = sorted[i];
                int j = i - 1;
                while (j >= 0 && sorted[j] > value)
                {
                    sorted[j + 1] = sorted[j];
                    j--;
                }
                sorted[j + 1] = value;
            }
            int mv = ToMillivolts(sorted[count / 2]);
            Millivolts = mv;
            _level = Classify(mv, _level);
            return mv;
        }

        private static int Classify(int mv, int previous)
        {
            if (mv < PlausibleMinMillivolts || mv > PlausibleMaxMillivolts)
            {
                return BatteryLevel.Unknown;
            }
            // Getting worse takes effect at once; getting better needs the hysteresis margin.
            int critical = previous == BatteryLevel.Critical ? CriticalMillivolts + HysteresisMillivolts : CriticalMillivolts;
            int low = previous == BatteryLevel.Low || previous == BatteryLevel.Critical ? LowMillivolts + HysteresisMillivolts : LowMillivolts;
            if (mv < critical)
            {
                return BatteryLevel.Critical;
            }
            if (mv < low)
            {
                return BatteryLevel.Low;
            }
            return BatteryLevel.Good;
        }
    }
}
