// hoctap: Cockpit fixes its "normal" timestamp format to ISO (YYYY-MM-DDTHH:mm:ss) in its own configuration and
// ignores config.js dateFormat for it. This custom script (loaded through customScripts in config.js before the app
// starts) decorates the date-format service so that those timestamps read dd/MM/yyyy HH:mm:ss, as everywhere else.
const angular = window.angular;
if (angular) {
  angular.module('cam.commons.filter.date').config(['$provide', function ($provide) {
    $provide.decorator('camDateFormat', ['$delegate', function ($delegate) {
      return function (name) {
        return (name || 'normal') === 'normal' ? 'DD/MM/YYYY HH:mm:ss' : $delegate(name);
      };
    }]);
  }]);
}
export default [];
