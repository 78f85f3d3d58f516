/** Side-effect entry: defines every clamp-viz element (`<cluster-scatter>`). */
import './cluster-scatter/cluster-scatter.js';
import './token-cloud/token-cloud.js';
