namespace Skold.Board.Boards
{
    /// <summary>
    /// nanoFramework's ADC channel numbers on the classic ESP32. System.Device.Adc opens channels,
    /// not GPIOs: channels 0-7 are ADC1 channels 0-7, 8 and 9 are internal sensors, 10-19 are ADC2
    /// channels 0-9. Table read from nf-interpreter (a3e8139)
    /// targets/ESP32/_common/ESP32_DeviceMapping.cpp, Esp32_ADC_DevicePinMap.
    /// </summary>
    public static class Esp32Adc
    {
        public const int NoChannel = -1;

        /// <summary>The first channel number that belongs to ADC2 (CONFIG_SOC_ADC_MAX_CHANNEL_NUM on the ESP32).</summary>
        public const int FirstAdc2Channel = 10;

        // Index = nanoFramework channel; 8 and 9 (temperature, Hall) are not pins and are skipped.
        private static readonly int[] ChannelGpio = { 36, 37, 38, 39, 32, 33, 34, 35, -1, -1, 4, 0, 2, 15, 13, 12, 14, 27, 25, 26 };

        /// <summary>The channel to open for an ESP32 GPIO, or NoChannel when the pin has no ADC.</summary>
        public static int ChannelForGpio(int gpio)
        {
            for (int channel = 0; channel < ChannelGpio.Length; channel++)
            {
                if (ChannelGpio[channel] == gpio && gpio >= 0)
                {
                    return channel;
                }
            }
            return NoChannel;
        }

        /// <summary>ADC2 cannot be read while Wi-Fi runs (ESP-IDF adc.rst); the relay does not start Wi-Fi.</summary>
        public static bool IsAdc2(int channel)
        {
            return channel >= FirstAdc2Channel;
        }
    }
}
