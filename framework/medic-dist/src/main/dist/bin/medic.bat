@echo off
rem Starts Medic from its distribution directory (bin\ and lib\) on Windows.
rem
rem Java: %JAVA_HOME%\bin\java.exe, else java on the PATH (17 or later).
rem MEDIC_JAVA_OPTS  extra JVM options.
rem Unlike bin/medic, this launcher records no class data sharing archive.
setlocal
for %%d in ("%~dp0..") do set "MEDIC_HOME=%%~fd"
set "JAVACMD=java"
if defined JAVA_HOME set "JAVACMD=%JAVA_HOME%\bin\java.exe"

rem The daemon stays resident: a small heap keeps its memory down, and running out of it ends the
rem process so that whatever supervises it restarts it. MEDIC_JAVA_OPTS comes later and wins.
rem Unlike bin/medic, only the first argument is looked at: write "medic daemon --config ...".
set "MEDIC_HEAP="
if /i "%~1"=="daemon" set "MEDIC_HEAP=-Xms16m -Xmx64m -XX:+ExitOnOutOfMemoryError"

rem A one-shot run is short: C1 only and the serial collector start fastest.
"%JAVACMD%" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC %MEDIC_HEAP% %MEDIC_JAVA_OPTS% -cp "%MEDIC_HOME%\lib\*" dev.medic.cli.Main %*
exit /b %ERRORLEVEL%
